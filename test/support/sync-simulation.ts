import assert from 'node:assert/strict'
import { join } from 'node:path'
import fc from 'fast-check'
import type { CentralStore, Device } from '../../central/store/central-store.js'
import { ClientIdTaken, createSyncService } from '../../central/sync-service.js'
import { backupTo, restoreFromBackup } from '../../local-api/db/backup.js'
import type { Property } from '../../local-api/db/properties.js'
import { SYNC_SCHEMA_VERSION, type PushRequest } from '../../sync-core/protocol.js'
import { Refusal } from '../../local-api/services/problems.js'
import { createProperty } from '../../local-api/services/properties.js'
import { DATABASE_FILE } from '../../local-api/db/open.js'
import { inProcessTransport, openDesk, removeDesk, replicaState, type Desk } from './sync-desks.js'
import { opMaker } from './sync-ops.js'
import { tempDir } from './test-app.js'

/**
 * A deterministic simulation: one central server and three desks with their own SQLite files, on
 * clocks an hour apart, through a transport that drops requests and responses, duplicates and
 * replays them; desks go offline for days and crash between a local commit and its push. Random
 * schedules (fast-check) of guest messages, replies, takeovers, reservations, templates, knowledge
 * entries, guest merges and their undos, and another device borrowing a desk's client id (refused);
 * desks backed up and later restored from their backup (what they had sent since comes back, what
 * they had not is gone), a desk replaced by a copy of another's data dir on its computer (each syncs
 * as a desk of its own); after healing every desk must hold the same state.
 */

const HOUR = 3600_000
const DAY = 24 * HOUR
const SKEW = [0, HOUR, -HOUR]
const PHONES = ['+41795550001', '+41795550002', '+41795550003', '+41795550004']

const deskIndex = fc.integer({ min: 0, max: 2 })
export const action = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('guestWrites' as const),
      desk: deskIndex,
      guest: fc.integer({ min: 0, max: 3 }),
      channel: fc.constantFrom('whatsapp' as const, 'web_chat' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reply' as const), desk: deskIndex, guest: fc.integer({ min: 0, max: 3 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('mode' as const),
      desk: deskIndex,
      guest: fc.integer({ min: 0, max: 3 }),
      mode: fc.constantFrom('ai' as const, 'human' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('reservation' as const),
      desk: deskIndex,
      number: fc.integer({ min: 0, max: 2 }),
      guest: fc.integer({ min: 0, max: 3 }),
      name: fc.constantFrom('Eva', 'Luca', 'Mia'),
      room: fc.constantFrom('101', '204', null),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('template' as const),
      desk: deskIndex,
      slot: fc.integer({ min: 0, max: 2 }),
      body: fc.constantFrom('See you soon', 'Welcome!', 'Parking is free'),
      remove: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('knowledge' as const),
      desk: deskIndex,
      slot: fc.integer({ min: 0, max: 1 }),
      answer: fc.constantFrom('Yes', 'No', 'At 7'),
      remove: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mergeGuests' as const), desk: deskIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undoMerge' as const), desk: deskIndex }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('sync' as const), desk: deskIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash' as const), desk: deskIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('partition' as const), desk: deskIndex, offline: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('time' as const), ms: fc.integer({ min: 1000, max: 3 * DAY }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), desk: deskIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hijack' as const), desk: deskIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('backup' as const), desk: deskIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), desk: deskIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clone' as const), desk: deskIndex, from: deskIndex }) },
)
export type Action = typeof action extends fc.Arbitrary<infer A> ? A : never

/** A small seeded generator, so a failing schedule replays exactly. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class NetworkError extends Error {}

interface Network {
  offline: boolean[]
  faulty: boolean
  pushes: { desk: number; request: PushRequest }[]
}

/** Through the network: lost on the way there, lost on the way back (after the server did it), or sent twice. */
function faultyCall(network: Network, desk: number, next: () => number) {
  return async <T>(call: () => Promise<T>): Promise<T> => {
    if (network.offline[desk]) throw new NetworkError('offline')
    if (!network.faulty) return call()
    const roll = next()
    if (roll < 0.08) throw new NetworkError('request lost')
    if (roll < 0.16) {
      await call()
      throw new NetworkError('response lost')
    }
    if (roll < 0.22) await call().catch(() => undefined) // a duplicate that arrives first
    return call()
  }
}

export async function simulate(centralStore: CentralStore, schedule: Action[], seed: number): Promise<void> {
  const T = { ms: Date.parse('2026-11-29T08:00:00Z') }
  // The central server's clock is the simulation's: days pass for it too.
  const central = createSyncService(centralStore, () => T.ms)
  const network: Network = { offline: [false, false, false], faulty: false, pushes: [] }
  const next = random(seed)
  const devices: Device[] = []
  const transports = [0, 1, 2].map((i) => {
    const transport = inProcessTransport(central, () => devices[i]!, faultyCall(network, i, next))
    const push = transport.push
    transport.push = (request) => {
      network.pushes.push({ desk: i, request: JSON.parse(JSON.stringify(request)) })
      return push(request)
    }
    return transport
  })
  const clocks = SKEW.map((skew) => ({ ms: T.ms + skew }))
  const computers = ['machine-id:pc0', 'machine-id:pc1', 'machine-id:pc2']
  const desks: Desk[] = [0, 1, 2].map((i) => openDesk(`sim${i}`, transports[i]!, clocks[i], undefined, computers[i]))
  let written: string[] = []
  /** Which desk wrote each message: one restored from a backup loses what it had not sent. */
  const writer = new Map<string, number>()
  const backups: (string | undefined)[] = [undefined, undefined, undefined]
  const seen = desks.map(() => ({ cursors: new Map<string, number>(), hlc: '' }))
  let counter = 0

  try {
    const property: Property = createProperty(desks[0]!.store, { name: 'Hotel Alpenblick', defaultCountry: 'CH', timeZone: 'Europe/Zurich' }, clocks[0]!.ms)
    for (let i = 0; i < 3; i++) devices.push((await central.addDevice({ name: `Desk ${i}`, propertyId: property.id })).device)
    const borrower = (await central.addDevice({ name: 'Borrower', propertyId: property.id })).device
    for (const desk of desks) await desk.sync.client.syncOnce()
    network.faulty = true

    const syncQuietly = (desk: Desk) =>
      desk.sync.client.syncOnce().catch((error) => {
        if (!(error instanceof NetworkError)) throw error
      })
    const conversationOf = (desk: Desk, guest: number) => {
      const identity = desk.store.guests.findIdentity('phone', PHONES[guest]!)
      return identity
        ? (desk.db.prepare('SELECT id FROM conversations WHERE identity_rowid = ? ORDER BY id LIMIT 1').pluck().get(identity.rowid) as string | undefined)
        : undefined
    }

    /**
     * What desk `i` wrote and never sent is gone with the store it replaced: the rest must come back.
     * Its old pushes are not replayed afterwards (a lost one would bring back what is gone).
     */
    const forgetUnsent = async (i: number) => {
      network.pushes = network.pushes.filter((push) => push.desk !== i)
      const onCentral = new Set<string>()
      let after = 0
      for (;;) {
        const pulled = await central.pull(devices[i]!, property.id, after, 1000)
        if ('reset' in pulled) throw new Error('the simulation keeps every op')
        for (const { op } of pulled.ops) {
          const text = (op.fields.content as { text?: string } | undefined)?.text
          if (op.entity === 'message' && text) onCentral.add(text)
        }
        after = pulled.lastSeq
        if (!pulled.hasMore) break
      }
      const kept = new Set(
        (desks[i]!.db.prepare('SELECT content FROM messages').pluck().all() as string[]).map((content) => (JSON.parse(content) as { text: string }).text),
      )
      written = written.filter((text) => writer.get(text) !== i || kept.has(text) || onCentral.has(text))
    }

    for (const step of schedule) {
      const desk = 'desk' in step ? desks[step.desk]! : undefined
      switch (step.kind) {
        case 'guestWrites': {
          const text = `message ${++counter}`
          written.push(text)
          writer.set(text, step.desk)
          const outcome = desk!.services.ingest.ingest(property, [
            {
              channel: step.channel,
              identity: { kind: 'phone', value: PHONES[step.guest]! },
              direction: 'in',
              content: { type: 'text', text },
              createdAt: desk!.now.ms,
            },
          ])
          assert.ok(outcome.ok)
          break
        }
        case 'reply': {
          const id = conversationOf(desk!, step.guest)
          if (!id) break
          const text = `reply ${++counter}`
          written.push(text)
          writer.set(text, step.desk)
          assert.ok(
            desk!.services.ingest.ingest(property, [
              { channel: 'whatsapp', conversationId: id, direction: 'out', content: { type: 'text', text }, createdAt: desk!.now.ms },
            ]).ok,
          )
          break
        }
        case 'mode': {
          const id = conversationOf(desk!, step.guest)
          if (id) desk!.services.conversations.setMode(desk!.store.conversations.get(id)!, step.mode, 'system')
          break
        }
        case 'reservation':
          assert.ok(
            desk!.services.reservations.upsert(property, {
              confirmationNumber: `R-${step.number}`,
              phone: PHONES[step.guest]!,
              firstName: step.name,
              arrival: '2027-01-10',
              departure: '2027-01-12',
              room: step.room,
              status: 'confirmed',
            }).ok,
          )
          break
        case 'template': {
          const shortcut = `t${step.slot}`
          const existing = desk!.store.templates.byShortcut(property.id, shortcut)
          if (existing && step.remove) desk!.services.templates.remove(existing)
          else if (existing) desk!.services.templates.update(existing, { body: step.body })
          else
            desk!.services.templates.create({
              propertyId: property.id,
              name: shortcut,
              shortcut,
              body: step.body,
              language: 'en',
              channel: null,
              approval: null,
            })
          break
        }
        case 'knowledge': {
          const question = `Question ${step.slot}?`
          const existing = desk!.store.knowledge.ofProperty(property.id).find((entry) => entry.question === question)
          if (existing && step.remove) desk!.services.knowledge.remove(existing)
          else if (existing) desk!.services.knowledge.update(existing, { answer: step.answer })
          else desk!.services.knowledge.create({ propertyId: property.id, question, answer: step.answer, tags: '', language: 'en' })
          break
        }
        case 'mergeGuests': {
          const guests = desk!.db.prepare('SELECT id FROM guests ORDER BY id LIMIT 2').pluck().all() as string[]
          if (guests.length === 2) assert.ok(desk!.services.guests.merge(guests[1]!, guests[0]!).ok)
          break
        }
        case 'undoMerge': {
          // The desk's latest merge in force (made here or applied from another desk); an undo the
          // desk refuses (its kept profile merged into another since) changes nothing.
          const mergeId = desk!.db.prepare('SELECT id FROM guest_merges WHERE undone_at IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1').pluck().get() as
            string | undefined
          try {
            if (mergeId) desk!.services.guests.undoMerge(mergeId, {})
          } catch (error) {
            if (!(error instanceof Refusal)) throw error
          }
          break
        }
        case 'sync':
          await syncQuietly(desk!)
          break
        case 'crash': {
          // The desk dies with whatever it committed; a new process opens the same file.
          const i = step.desk
          desks[i]!.close()
          desks[i] = openDesk(`sim${i}`, transports[i]!, clocks[i], desks[i]!.dir, computers[i])
          break
        }
        case 'partition':
          network.offline[step.desk] = step.offline
          break
        case 'time':
          T.ms += step.ms
          clocks.forEach((clock, i) => (clock.ms = T.ms + SKEW[i]!))
          break
        case 'backup': {
          const file = join(desk!.dir, `backup-${step.desk}.sqlite`)
          await backupTo(desk!.db, file)
          backups[step.desk] = file
          break
        }
        case 'restore': {
          const i = step.desk
          const file = backups[i]
          if (!file) break
          desks[i]!.close()
          await restoreFromBackup(desks[i]!.dir, file)
          // A restore takes a while: the restored desk's clock starts past what it made before.
          clocks[i]!.ms += 60_000
          desks[i] = openDesk(`sim${i}`, transports[i]!, clocks[i], desks[i]!.dir, computers[i])
          await forgetUnsent(i)
          // Its cursors and clock are the backup's now.
          seen[i] = { cursors: new Map(), hlc: '' }
          break
        }
        case 'clone': {
          // Desk i's computer gets a copy of desk `from`'s data dir (the old store of desk i is gone).
          const i = step.desk
          if (i === step.from) break
          const dir = tempDir(`frontdesk-sim${i}-copy-`)
          await backupTo(desks[step.from]!.db, join(dir, DATABASE_FILE))
          removeDesk(desks[i]!)
          backups[i] = undefined
          desks[i] = openDesk(`sim${i}`, transports[i]!, clocks[i], dir, computers[i])
          await forgetUnsent(i)
          seen[i] = { cursors: new Map(), hlc: '' }
          break
        }
        case 'replay': {
          const old = network.pushes.filter((push) => push.desk === step.desk)
          const request = old[Math.floor(next() * old.length)]
          if (request) await central.push(devices[step.desk]!, request.request)
          break
        }
        case 'hijack': {
          // Another device of the property says hello and pushes under the desk's client id (seen
          // in any pull), next in its sequence: refused, so the desk's later changes stay in order.
          const { clientId, ackedSeq } = desk!.sync.repository.config()
          // A client id the desk just took (restored or copied) is seen by no one until the desk first
          // uses it; the desk's own hello (its next round's first step) comes first, as it would.
          await central.hello(devices[step.desk]!, clientId)
          await assert.rejects(central.hello(borrower, clientId), ClientIdTaken)
          const forged = opMaker(clientId, property.id, () => T.ms).op('template', `tpl_forged${++counter}`, { name: 'forged' }, { clientSeq: ackedSeq + 1 })
          await assert.rejects(central.push(borrower, { clientId, schemaVersion: SYNC_SCHEMA_VERSION, ops: [forged] }), ClientIdTaken)
          break
        }
      }
      // Cursors and clocks never go backwards, crashes included.
      desks.forEach((d, i) => {
        for (const { space, serverSeq } of d.sync.repository.cursors()) {
          assert.ok(serverSeq >= (seen[i]!.cursors.get(space) ?? 0), `desk ${i}'s cursor of ${space} went back`)
          seen[i]!.cursors.set(space, serverSeq)
        }
        const hlc = d.store.hlc.latest()
        assert.ok(hlc >= seen[i]!.hlc, `desk ${i}'s clock went back: ${hlc} < ${seen[i]!.hlc}`)
        seen[i]!.hlc = hlc
      })
    }

    // Heal: everyone online, the network reliable; sync until nothing moves.
    network.offline = [false, false, false]
    network.faulty = false
    for (let round = 0; round < 4; round++) for (const desk of desks) await desk.sync.client.syncOnce()

    const states = desks.map((desk) => replicaState(desk.db))
    if (process.env.SIM_TRACE) {
      for (const desk of desks) {
        console.error(
          desk.name,
          JSON.stringify(desk.sync.client.status()),
          JSON.stringify(desk.sync.repository.config()),
          JSON.stringify(desk.sync.repository.cursors()),
        )
        console.error('  parked', JSON.stringify(desk.db.prepare('SELECT reason FROM sync_pending').all()))
        console.error(
          '  log',
          JSON.stringify(desk.db.prepare("SELECT seq, entity, entity_id, op, hlc, origin FROM change_log WHERE entity = 'template'").all()),
        )
      }
      for (const space of ['group', property.id]) {
        const pulled = await central.pull(devices[0]!, space, 0, 1000)
        if (!('reset' in pulled))
          for (const p of pulled.ops)
            console.error('central', space, p.serverSeq, p.op.clientId, p.op.clientSeq, p.op.entity, p.op.entityId, JSON.stringify(p.op.fields).slice(0, 80))
      }
    }
    assert.deepEqual(states[1], states[0], 'desk 1 and desk 0 agree')
    assert.deepEqual(states[2], states[0], 'desk 2 and desk 0 agree')
    for (const desk of desks) {
      assert.equal(desk.sync.client.status().pendingOps, 0, `${desk.name} has sent everything`)
      assert.equal(desk.sync.client.status().waitingOps, 0, `${desk.name} has applied everything`)
    }
    // No acknowledged write is lost: every message written anywhere is on every desk.
    const texts = new Set((states[0]!.messages as { content: string }[]).map((m) => (JSON.parse(m.content) as { text: string }).text))
    for (const text of written) assert.ok(texts.has(text), `${text} reached every desk`)

    // Replaying an old batch changes nothing.
    if (network.pushes.length) {
      const replayed = network.pushes[Math.floor(next() * network.pushes.length)]!
      await central.push(devices[replayed.desk]!, replayed.request)
      for (const desk of desks) await desk.sync.client.syncOnce()
      assert.deepEqual(replicaState(desks[0]!.db), states[0])
    }
  } finally {
    for (const desk of desks) removeDesk(desk)
  }
}
