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
