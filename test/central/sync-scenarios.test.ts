import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { v7 as uuidv7 } from 'uuid'
import type { Device } from '../../central/store/central-store.js'
import { openSqliteCentralStore } from '../../central/store/sqlite-store.js'
import { createSyncService, type SyncService } from '../../central/sync-service.js'
import type { Property } from '../../local-api/db/properties.js'
import { encodeHlc } from '../../sync-core/hlc.js'
import { SYNC_SCHEMA_VERSION } from '../../sync-core/protocol.js'
import type { SyncTransport } from '../../local-api/services/sync/transport.js'
import { createProperty } from '../../local-api/services/properties.js'
import { tempDir } from '../support/test-app.js'
import { inProcessTransport, openDesk, removeDesk, replicaState, type Desk } from '../support/sync-desks.js'

const MINUTE = 60_000

/** A central server and desks on one property, offline when their flag says so. */
async function world(
  names: string[],
  run: (w: {
    central: SyncService
    desks: Desk[]
    property: Property
    offline: Set<string>
    devices: Device[]
    now: { ms: number }
    prune(): Promise<void>
  }) => Promise<void>,
) {
  const now = { ms: Date.parse('2026-11-29T08:00:00Z') }
  const centralStore = openSqliteCentralStore(tempDir('frontdesk-central-'))
  const central = createSyncService(centralStore, () => now.ms)
  const offline = new Set<string>()
  const devices: Device[] = []
  const desks = names.map((name, i) =>
    openDesk(
      name,
      inProcessTransport(
        central,
        () => devices[i]!,
        async (call) => {
          if (offline.has(name)) throw new Error('offline')
          return call()
        },
      ),
      now,
    ),
  )
  try {
    const property = createProperty(desks[0]!.store, { name: 'Hotel Alpenblick', defaultCountry: 'CH', timeZone: 'Europe/Zurich' }, now.ms)
    for (const name of names) devices.push((await central.addDevice({ name, propertyId: property.id })).device)
    for (const desk of desks) await desk.sync.client.syncOnce()
    const prune = async () => {
      for (const space of await centralStore.spaces()) await centralStore.prune(space, (await centralStore.spaceBounds(space)).lastSeq)
    }
    await run({ central, desks, property, offline, devices, now, prune })
  } finally {
    desks.forEach(removeDesk)
    await centralStore.close()
  }
}

const syncAll = async (desks: Desk[], rounds = 2) => {
  for (let round = 0; round < rounds; round++) for (const desk of desks) await desk.sync.client.syncOnce()
}

describe('sync scenarios', () => {
  it('a guest merge racing an edit of the merged guest: the edit lands on the kept profile everywhere', async () => {
    await world(['a', 'b'], async ({ desks: [a, b], property, offline, now }) => {
      const book = (desk: Desk, number: string, phone: string, firstName: string) =>
        assert.ok(
          desk.services.reservations.upsert(property, {
            confirmationNumber: number,
            phone,
            firstName,
            arrival: '2027-01-10',
            departure: '2027-01-12',
            status: 'confirmed',
          }).ok,
        )
      book(a!, 'R-1', '+41795550001', 'Eva')
      now.ms += MINUTE
      book(a!, 'R-2', '+41795550002', 'Eva M.')
      await syncAll([a!, b!])
      const [first, second] = a!.db.prepare('SELECT id FROM guests ORDER BY id').pluck().all() as string[]

      // B, offline, renames the guest of R-2; A merges the two profiles meanwhile.
      offline.add('b')
      now.ms += MINUTE
      assert.ok(a!.services.guests.merge(second!, first!).ok)
      now.ms += MINUTE
      book(b!, 'R-2', '+41795550002', 'Eva Maria')
      offline.delete('b')
      await syncAll([a!, b!])

      for (const desk of [a!, b!]) {
        const guests = desk.db.prepare('SELECT id, first_name AS firstName FROM guests').all()
        assert.deepEqual(guests, [{ id: first, firstName: 'Eva Maria' }], `${desk.name}: one profile, the later edit on it`)
        const owners = desk.db.prepare('SELECT DISTINCT guest_id FROM reservations').pluck().all()
        assert.deepEqual(owners, [first], `${desk.name}: both reservations on the kept profile`)
      }
      assert.deepEqual(replicaState(b!.db), replicaState(a!.db))
    })
  })

  it('a merge on desk A and its undo on desk B: both desks end with the two profiles as before, and later edits land on the restored one', async () => {
    await world(['a', 'b'], async ({ desks: [a, b], property, now }) => {
      const book = (desk: Desk, number: string, phone: string, firstName: string, email?: string) =>
        assert.ok(
          desk.services.reservations.upsert(property, {
            confirmationNumber: number,
            phone,
            email,
            firstName,
            arrival: '2027-01-10',
            departure: '2027-01-12',
            status: 'confirmed',
          }).ok,
        )
      const write = (desk: Desk, phone: string, text: string) =>
        assert.ok(
          desk.services.ingest.ingest(property, [
            { channel: 'whatsapp', identity: { kind: 'phone', value: phone }, direction: 'in', content: { type: 'text', text }, createdAt: (now.ms += MINUTE) },
          ]).ok,
        )
      book(a!, 'R-1', '+41795550001', 'Eva')
      now.ms += MINUTE
      book(a!, 'R-2', '+41795550002', 'Marco', 'marco@example.com')
      await syncAll([a!, b!])
      write(a!, '+41795550001', 'Hello from Eva')
      write(b!, '+41795550002', 'Hello from Marco')
      await syncAll([a!, b!])
      const profiles = (desk: Desk) => {
        const state = replicaState(desk.db)
        return { guests: state.guests, identities: state.identities, conversations: state.conversations, reservations: state.reservations, leads: state.leads }
      }
      const before = profiles(a!)
      assert.deepEqual(profiles(b!), before)
      const [eva, marco] = a!.db.prepare('SELECT id FROM guests ORDER BY id').pluck().all() as string[]

      now.ms += MINUTE
      const merged = a!.services.guests.merge(marco!, eva!, { by: { tokenName: 'pms-bridge' }, reason: 'same person, says the PMS' })
      assert.ok(merged.ok)
      await syncAll([a!, b!])
      for (const desk of [a!, b!]) {
        assert.deepEqual(desk.db.prepare('SELECT id FROM guests').pluck().all(), [eva], `${desk.name}: one profile`)
        assert.deepEqual(desk.db.prepare('SELECT DISTINCT guest_id FROM conversations').pluck().all(), [eva], `${desk.name}: both conversations on it`)
      }
      const recorded = b!.store.guestMerges.get(merged.value.mergeId)!
      assert.equal(recorded.reason, 'same person, says the PMS')
      assert.equal(recorded.mergedBy.tokenName, 'pms-bridge')
      assert.equal(recorded.origin, a!.store.changeLog.clientId, "B applied A's merge and recorded what moved there")
      assert.equal(recorded.goneGuestId, marco)
      const timeline = b!.db.prepare("SELECT count(*) FROM conversation_events WHERE type = 'guest_merged'").pluck().get()
      assert.equal(timeline, 2, "the merge is in both conversations' timelines on B too")

      now.ms += MINUTE
      b!.services.guests.undoMerge(merged.value.mergeId, {})
      await syncAll([a!, b!])
      for (const desk of [a!, b!]) {
        assert.deepEqual(profiles(desk), before, `${desk.name}: the two profiles as before`)
        assert.ok(desk.store.guestMerges.get(merged.value.mergeId)!.undoneAt, `${desk.name}: the merge is undone`)
      }
      assert.throws(() => a!.services.guests.undoMerge(merged.value.mergeId, {}), { name: 'Refusal', message: 'is undone already' }, 'undone once, everywhere')

      // Edits to the restored profile land on it again, on every desk.
      now.ms += MINUTE
      book(a!, 'R-2', '+41795550002', 'Marco Antonio')
      await syncAll([a!, b!])
      for (const desk of [a!, b!]) {
        assert.deepEqual(
          desk.db.prepare('SELECT id, first_name FROM guests ORDER BY id').raw().all(),
          [
            [eva, 'Eva'],
            [marco, 'Marco Antonio'],
          ],
          desk.name,
        )
      }
      assert.deepEqual(replicaState(b!.db), replicaState(a!.db))
    })
  })

  it('an edit of the merged-away profile made offline during a merge and its undo lands on it; a desk behind takes both profiles from a snapshot', async () => {
    await world(['a', 'b', 'c'], async ({ desks: [a, b, c], property, offline, now, prune }) => {
      const book = (desk: Desk, number: string, phone: string, firstName: string) =>
        assert.ok(
          desk.services.reservations.upsert(property, {
            confirmationNumber: number,
            phone,
            firstName,
            arrival: '2027-01-10',
            departure: '2027-01-12',
            status: 'confirmed',
          }).ok,
        )
      book(a!, 'R-1', '+41795550001', 'Eva')
      now.ms += MINUTE
      book(a!, 'R-2', '+41795550002', 'Marco')
      await syncAll([a!, b!, c!])
      const [eva, marco] = a!.db.prepare('SELECT id FROM guests ORDER BY id').pluck().all() as string[]

      // B, offline, renames Marco; A merges the two profiles and undoes it; C is away all along.
      offline.add('b').add('c')
      now.ms += MINUTE
      book(b!, 'R-2', '+41795550002', 'Marco B.')
      now.ms += MINUTE
      const merged = a!.services.guests.merge(marco!, eva!, { by: {}, reason: 'looked alike' })
      assert.ok(merged.ok)
      await a!.sync.client.syncOnce()
      now.ms += MINUTE
      a!.services.guests.undoMerge(merged.value.mergeId, {})
      await a!.sync.client.syncOnce()
      offline.delete('b')
      await syncAll([a!, b!])
      await prune() // the server forgets what C has not pulled
      offline.delete('c')
      await syncAll([c!, a!, b!])

      for (const desk of [a!, b!, c!]) {
        assert.deepEqual(
          desk.db.prepare('SELECT id, first_name FROM guests ORDER BY id').raw().all(),
          [
            [eva, 'Eva'],
            [marco, 'Marco B.'],
          ],
          desk.name,
        )
        assert.deepEqual(
          desk.db.prepare('SELECT confirmation_number, guest_id FROM reservations ORDER BY confirmation_number').raw().all(),
          [
            ['R-1', eva],
            ['R-2', marco],
          ],
          desk.name,
        )
      }
      assert.deepEqual(replicaState(b!.db), replicaState(a!.db))
      assert.deepEqual(replicaState(c!.db), replicaState(a!.db))
    })
  })

  it('one guest writing to two desks at once ends as one conversation with all messages', async () => {
    await world(['a', 'b'], async ({ desks: [a, b], property, offline, now }) => {
      offline.add('a').add('b')
      for (const [desk, text] of [
        [a!, 'Hello from the website'],
        [b!, 'Hello again'],
      ] as const) {
        assert.ok(
          desk.services.ingest.ingest(property, [
            {
              channel: 'whatsapp',
              identity: { kind: 'phone', value: '+41795550009' },
              direction: 'in',
              content: { type: 'text', text },
              createdAt: (now.ms += MINUTE),
            },
          ]).ok,
        )
      }
      offline.clear()
      await syncAll([a!, b!])
      for (const desk of [a!, b!]) {
        const conversations = desk.db.prepare('SELECT id, message_count AS messages FROM conversations').all() as { id: string; messages: number }[]
        assert.equal(conversations.length, 1, desk.name)
        assert.equal(conversations[0]!.messages, 2)
      }
      assert.deepEqual(replicaState(b!.db), replicaState(a!.db))
    })
  })

  it('a desk behind what the server keeps takes a snapshot, and still sends what it wrote offline', async () => {
    await world(['a', 'b'], async ({ desks: [a, b], property, offline, now, prune }) => {
      offline.add('b')
      assert.ok(
        b!.services.ingest.ingest(property, [
          {
            channel: 'web_chat',
            identity: { kind: 'email', value: 'late@example.com' },
            direction: 'in',
            content: { type: 'text', text: 'written offline' },
            createdAt: (now.ms += MINUTE),
          },
        ]).ok,
      )
      for (let i = 0; i < 5; i++) {
        assert.ok(
          a!.services.ingest.ingest(property, [
            {
              channel: 'whatsapp',
              identity: { kind: 'phone', value: `+4179555010${i}` },
              direction: 'in',
              content: { type: 'text', text: `news ${i}` },
              createdAt: (now.ms += MINUTE),
            },
          ]).ok,
        )
      }
      await a!.sync.client.syncOnce()
      await prune() // the server forgets the ops B has not pulled
      offline.delete('b')
      await syncAll([b!, a!])
      assert.deepEqual(replicaState(b!.db), replicaState(a!.db))
      assert.equal((replicaState(a!.db).messages as unknown[]).length, 6)
    })
  })

  it('an empty desk joining later is filled from a snapshot, with progress', async () => {
    await world(['a'], async ({ central, desks: [a], property, now, prune }) => {
      for (let i = 0; i < 30; i++) {
        assert.ok(
          a!.services.ingest.ingest(property, [
            {
              channel: 'whatsapp',
              identity: { kind: 'phone', value: `+417955502${String(i).padStart(2, '0')}` },
              direction: 'in',
              content: { type: 'text', text: `hello ${i}` },
              createdAt: (now.ms += MINUTE),
            },
          ]).ok,
        )
      }
      await a!.sync.client.syncOnce()
      await prune()
      const { device } = await central.addDevice({ name: 'c', propertyId: property.id })
      const c = openDesk('c', inProcessTransport(central, device), now)
      try {
        await c.sync.client.syncOnce()
        assert.deepEqual(replicaState(c.db), replicaState(a!.db))
        assert.equal(c.sync.client.status().state, 'idle')
      } finally {
        removeDesk(c)
      }
    })
  })

  it('keeps an op from a newer version waiting, and says so', async () => {
    await world(['a'], async ({ central, desks: [a], property, devices }) => {
      await central.push(devices[0]!, {
        clientId: 'newerdesk1',
        schemaVersion: 2,
        ops: [
          {
            opId: uuidv7(),
            clientId: 'newerdesk1',
            clientSeq: 1,
            hlc: encodeHlc({ wallMs: Date.parse('2026-11-29T08:00:00Z'), counter: 0, node: 'newerdesk1' }),
            space: property.id,
            entity: 'conversation',
            entityId: 'conv_future',
            fields: { hologram: true },
            schemaVersion: 2,
          },
        ],
      })
      await a!.sync.client.syncOnce()
      assert.equal(a!.sync.client.status().waitingOps, 1)
      assert.match(a!.db.prepare('SELECT reason FROM sync_pending').pluck().get() as string, /newer version/)
    })
  })

  it("sends nothing to an older central server, still takes in the others' changes, and says to upgrade it", async () => {
    await world(['b'], async ({ central, desks: [b], property, now }) => {
      const device = (await central.addDevice({ name: 'a', propertyId: property.id })).device
      const real = inProcessTransport(central, device)
      let pushes = 0
      const older: SyncTransport = {
        ...real,
        hello: async (body) => ({ ...(await real.hello(body)), schemaVersion: SYNC_SCHEMA_VERSION - 1 }),
        push: async (body) => {
          pushes++
          return real.push(body)
        },
      }
      const a = openDesk('a', older, now)
      try {
        assert.ok(
          b!.services.ingest.ingest(property, [
            {
              channel: 'web_chat',
              identity: { kind: 'phone', value: '+41791234567' },
              direction: 'in',
              content: { type: 'text', text: 'From desk B' },
              createdAt: now.ms,
            },
          ]).ok,
        )
        await b!.sync.client.syncOnce()
        // The first round fills desk A (the property, B's message), then says why it is not sending.
        await assert.rejects(a.sync.client.syncOnce(), /older than this desk's/)
        assert.ok(
          a.services.ingest.ingest(property, [
            {
              channel: 'web_chat',
              identity: { kind: 'phone', value: '+41797654321' },
              direction: 'in',
              content: { type: 'text', text: 'From desk A' },
              createdAt: now.ms,
            },
          ]).ok,
        )
        await assert.rejects(a.sync.client.syncOnce(), /central server runs sync version \d+, older than this desk's \d+: upgrade it/)
        assert.equal(pushes, 0)
        assert.ok(a.sync.client.status().pendingOps > 0)
        assert.equal(a.sync.client.status().state, 'offline')
        assert.deepEqual(a.db.prepare('SELECT text FROM messages ORDER BY text').pluck().all(), ['From desk A', 'From desk B'])
      } finally {
        removeDesk(a)
      }
    })
  })
})
