import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import type { Device } from '../../central/store/central-store.js'
import { openSqliteCentralStore } from '../../central/store/sqlite-store.js'
import { createSyncService } from '../../central/sync-service.js'
import { createProperty } from '../../local-api/services/properties.js'
import { tempDir } from '../support/test-app.js'
import { inProcessTransport, openDesk, removeDesk, replicaState } from '../support/sync-desks.js'

const cleanups: (() => void | Promise<void>)[] = []
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

describe('two desks and a central server', () => {
  it("share a property, a guest's messages, a takeover and a template", async () => {
    const centralStore = openSqliteCentralStore(tempDir('frontdesk-central-'))
    cleanups.push(() => centralStore.close())
    const central = createSyncService(centralStore)
    const devices: Record<'a' | 'b', Device | undefined> = { a: undefined, b: undefined }
    const a = openDesk(
      'a',
      inProcessTransport(central, () => devices.a!),
    )
    const b = openDesk(
      'b',
      inProcessTransport(central, () => devices.b!),
    )
    cleanups.push(
      () => removeDesk(a),
      () => removeDesk(b),
    )

    const property = createProperty(a.store, { name: 'Hotel Alpenblick', defaultCountry: 'CH', timeZone: 'Europe/Zurich' }, a.now.ms)
    devices.a = (await central.addDevice({ name: 'Desk A', propertyId: property.id })).device
    devices.b = (await central.addDevice({ name: 'Desk B', propertyId: property.id })).device

    const pushed = a.services.ingest.ingest(property, [
      {
        channel: 'whatsapp',
        identity: { kind: 'phone', value: '+41791234567' },
        direction: 'in',
        content: { type: 'text', text: 'Is there parking?' },
        createdAt: a.now.ms - 3600_000,
      },
    ])
    assert.ok(pushed.ok)
    const conversationId = pushed.value[0]!.conversationId
    await a.sync.client.syncOnce()
    await b.sync.client.syncOnce()
    assert.equal(b.store.properties.get(property.id)?.name, 'Hotel Alpenblick')
    assert.deepEqual(
      b.store.messages.pageOldestFirst(conversationId, 10, 0).map((m) => m.content),
      [{ type: 'text', text: 'Is there parking?' }],
    )

    // B takes over; A adds a template; both sync; A's view has B's takeover and B has A's template.
    const conversationOnB = b.store.conversations.get(conversationId)!
    b.services.conversations.setMode(conversationOnB, 'human', 'system')
    a.services.templates.create({
      propertyId: property.id,
      name: 'Parking',
      shortcut: 'park',
      body: 'Yes, 40 spaces.',
      language: 'en',
      channel: null,
      approval: null,
    })
    await b.sync.client.syncOnce()
    await a.sync.client.syncOnce()
    await b.sync.client.syncOnce()
    assert.equal(a.store.conversations.get(conversationId)?.mode, 'human')
    assert.equal(
      b.store.templates
        .ofProperty(property.id)
        .map((t) => t.shortcut)
        .join(),
      'park',
    )
    const state = replicaState(a.db)
    assert.deepEqual(
      [state.properties!.length, state.conversations!.length, state.messages!.length, state.templates!.length, state.events!.length],
      [1, 1, 1, 1, 1],
    )
    assert.deepEqual(replicaState(b.db), state)
    assert.equal(a.sync.client.status().pendingOps, 0)
  })
})
