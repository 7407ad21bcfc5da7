import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Device } from '../../central/store/central-store.js'
import { openSqliteCentralStore } from '../../central/store/sqlite-store.js'
import { createSyncService } from '../../central/sync-service.js'
import type { Property } from '../../local-api/db/properties.js'
import { createProperty } from '../../local-api/services/properties.js'
import { tempDir } from '../support/test-app.js'
import { inProcessTransport, openDesk, removeDesk, type Desk } from '../support/sync-desks.js'

const MINUTE = 60_000

/** A central server (real store, through JSON) and desks on one property, cut off while their name is in `offline`. */
async function world(names: string[], run: (w: { desks: Desk[]; property: Property; offline: Set<string>; now: { ms: number } }) => Promise<void>) {
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
    await run({ desks, property, offline, now })
  } finally {
    desks.forEach(removeDesk)
    await centralStore.close()
  }
}

const syncAll = async (desks: Desk[], rounds = 2) => {
  for (let round = 0; round < rounds; round++) for (const desk of desks) await desk.sync.client.syncOnce()
}

const guestWrites = (desk: Desk, property: Property, now: { ms: number }, text: string, externalId?: string) => {
  const written = desk.services.ingest.ingest(property, [
    {
      channel: 'whatsapp',
      identity: { kind: 'phone', value: '+41795550011' },
      direction: 'in',
      content: { type: 'text', text },
      createdAt: now.ms,
      externalId,
    },
  ])
  assert.ok(written.ok)
  return written.value[0]!
}

describe('leads across desks', () => {
  it("a lead's edits carry updatedAt to the other desk", async () => {
    await world(['a', 'b'], async ({ desks: [a, b], property, now }) => {
      const { conversationId } = guestWrites(a!, property, now, 'Do you have a room for two in March?')
      const { lead } = a!.services.leads.capture(a!.store.conversations.get(conversationId)!)
      await syncAll([a!, b!])
      assert.equal(b!.store.leads.get(lead.id)?.updatedAt, lead.createdAt)

      now.ms += 5 * MINUTE
      const moved = a!.services.leads.update(lead, { status: 'contacted', notes: 'Sent an offer' })
      await syncAll([a!, b!])
      const there = b!.store.leads.get(lead.id)!
      assert.equal(there.status, 'contacted')
      assert.equal(there.updatedAt, moved.updatedAt)
      assert.equal(there.updatedAt, now.ms)
      assert.equal(there.createdAt, lead.createdAt)
    })
  })

  it('two desks that captured one lead apart agree on it: its id, the first capture as createdAt, the last edit as updatedAt', async () => {
    for (const first of [0, 1]) {
      await world(['a', 'b'], async ({ desks, property, offline, now }) => {
        const [a, b] = desks as [Desk, Desk]
        const { conversationId } = guestWrites(a, property, now, 'Is there a room for a family next week?')
        await syncAll([a, b])
        offline.add('a').add('b')

        // One desk captures first, the other a few minutes later, then edits its own.
        const [early, late] = first === 0 ? [a, b] : [b, a]
        now.ms += MINUTE
        const firstCapture = now.ms
        early.services.leads.capture(early.store.conversations.get(conversationId)!)
        now.ms += 3 * MINUTE
        const second = late.services.leads.capture(late.store.conversations.get(conversationId)!).lead
        now.ms += MINUTE
        late.services.leads.update(second, { notes: 'Called back' })
        const lastEdit = now.ms

        offline.clear()
        await syncAll([a, b], 3)
        const leads = desks.map((desk) => desk.db.prepare('SELECT id, created_at, updated_at, notes FROM leads').all())
        assert.equal(leads[0]!.length, 1)
        assert.deepEqual(leads[1], leads[0])
        assert.deepEqual(leads[0]![0], { ...(leads[0]![0] as object), created_at: firstCapture, updated_at: lastEdit, notes: 'Called back' })
      })
    }
  })
})

describe('the AI agent across desks', () => {
  const botRepliesOn = (desk: Desk) =>
    desk.db.prepare("SELECT id, conversation_id FROM messages WHERE direction = 'out' AND author = 'bot'").all() as { id: string; conversation_id: string }[]

  for (const firstBack of ['a', 'b']) {
    it(`one guest message that reached two cut-off desks gets one AI reply after they heal (desk ${firstBack} syncs first)`, async () => {
      await world(['a', 'b'], async ({ desks, property, offline, now }) => {
        const [a, b] = desks as [Desk, Desk]
        a.services.knowledge.create({
          propertyId: property.id,
          question: 'Is there parking at the hotel?',
          answer: 'Yes, our garage has 40 spaces.',
          tags: 'car garage parking',
        })
        await syncAll([a, b])
        for (const desk of desks) desk.services.aiAgent.start()
        try {
          offline.add('a').add('b')
          // The messaging service hands the same guest message to both desks.
          const ask = (desk: Desk) => {
            const written = desk.services.ingest.ingest(property, [
              {
                channel: 'web_chat',
                identity: { kind: 'phone', value: '+41795550012' },
                direction: 'in',
                content: { type: 'text', text: 'Is there parking for my car?' },
                createdAt: now.ms,
                externalId: 'wamid.same-message',
              },
            ])
            assert.ok(written.ok)
          }
          ask(a)
          ask(b)
          // Cut off, neither knows whether the other has it: neither answers yet.
          await new Promise((resolve) => setTimeout(resolve, 50))
          assert.equal(botRepliesOn(a).length + botRepliesOn(b).length, 0)

          offline.clear()
          const [early, late] = firstBack === 'a' ? [a, b] : [b, a]
          await early.sync.client.syncOnce()
          await late.sync.client.syncOnce()
          for (let round = 0; round < 3; round++) {
            await Promise.all(desks.map((desk) => desk.services.aiAgent.idle()))
            await syncAll([a, b])
          }
          for (const desk of desks) {
            assert.equal(desk.db.prepare("SELECT count(*) AS n FROM messages WHERE direction = 'in'").pluck().get(), 1, desk.name)
            assert.equal(botRepliesOn(desk).length, 1, `${desk.name}: ${JSON.stringify(botRepliesOn(desk))}`)
          }
          // The desk whose copy reached the central server first answered it.
          assert.deepEqual(botRepliesOn(b), botRepliesOn(a))
          assert.equal(early.db.prepare("SELECT count(*) FROM change_log WHERE entity = 'message' AND origin IS NULL AND op = 'insert'").pluck().get(), 2)
        } finally {
          for (const desk of desks) await desk.services.aiAgent.stop()
        }
      })
    })
  }

  it('a desk in sync answers a guest message as soon as its copy has reached the central server', async () => {
    await world(['a', 'b'], async ({ desks, property, now }) => {
      const [a, b] = desks as [Desk, Desk]
      a.services.knowledge.create({ propertyId: property.id, question: 'When is breakfast served?', answer: 'From 6:30 to 10:30.', tags: 'breakfast' })
      a.services.aiAgent.start()
      try {
        const written = a.services.ingest.ingest(property, [
          {
            channel: 'web_chat',
            identity: { kind: 'phone', value: '+41795550013' },
            direction: 'in',
            content: { type: 'text', text: 'When is breakfast?' },
            createdAt: now.ms,
          },
        ])
        assert.ok(written.ok)
        await new Promise((resolve) => setTimeout(resolve, 30))
        assert.equal(botRepliesOn(a).length, 0, 'waits for the round')
        await a.sync.client.syncOnce()
        await a.services.aiAgent.idle()
        assert.equal(botRepliesOn(a).length, 1)
        await syncAll([a, b])
        assert.equal(botRepliesOn(b).length, 1)
      } finally {
        await a.services.aiAgent.stop()
      }
    })
  })

  it('a desk cut off from the central server holds its answer, and still stops at once', async () => {
    await world(['a'], async ({ desks: [a], property, offline, now }) => {
      a!.services.knowledge.create({ propertyId: property.id, question: 'When is breakfast served?', answer: 'From 6:30 to 10:30.', tags: 'breakfast' })
      a!.services.aiAgent.start()
      offline.add('a')
      const written = a!.services.ingest.ingest(property, [
        {
          channel: 'web_chat',
          identity: { kind: 'phone', value: '+41795550014' },
          direction: 'in',
          content: { type: 'text', text: 'When is breakfast?' },
          createdAt: now.ms,
        },
      ])
      assert.ok(written.ok)
      await assert.rejects(a!.sync.client.syncOnce())
      await a!.services.aiAgent.stop()
      assert.equal(botRepliesOn(a!).length, 0)
    })
  })
})
