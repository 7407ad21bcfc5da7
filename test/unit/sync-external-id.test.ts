import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { rmSync } from 'node:fs'
import { openStore } from '../../local-api/db/store.js'
import { createServices } from '../../local-api/services/index.js'
import { createProperty } from '../../local-api/services/properties.js'
import { createOpApplier } from '../../local-api/services/sync/apply-ops.js'
import type { DomainEvent } from '../../local-api/services/event-bus.js'
import { opMaker } from '../support/sync-ops.js'
import { tempDir } from '../support/test-app.js'

const NOW = Date.parse('2026-11-29T08:00:00Z')

// Sync's rule "one integrator message stored on two desks is one message" goes by the integrator's
// key, and that key is the property's: another property's message with the same externalId stays.
describe('sync: an integrator message is the same message by (property, externalId)', () => {
  const dir = tempDir()
  const store = openStore(dir, { now: () => NOW })
  after(() => {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const services = createServices(store, { clock: () => NOW })
  const applier = createOpApplier(store, store.sync, services.ingest, services.guestLinking)
  const hotelA = createProperty(store, { name: 'A', defaultCountry: 'CH' }, NOW)
  const hotelB = createProperty(store, { name: 'B', defaultCountry: 'CH' }, NOW)
  const push = (property: typeof hotelA, phone: string) => {
    const outcome = services.ingest.ingest(property, [
      {
        channel: 'web_chat',
        identity: { kind: 'phone', value: phone },
        direction: 'in',
        content: { type: 'text', text: 'here' },
        createdAt: NOW - 1000,
        externalId: 'chat-1',
      },
    ])
    assert.ok(outcome.ok)
    return outcome.value[0]!
  }
  const local = push(hotelA, '+41795550001')
  const conversationB = push(hotelB, '+41795550002').conversationId
  const apply = (conversationId: string, id: string) => {
    const published: DomainEvent[] = []
    store.transaction(() => {
      const op = opMaker('otherdesk', hotelA.id, () => NOW).op('message', id, {
        conversationId,
        direction: 'in',
        content: { type: 'text', text: 'from the other desk' },
        createdAt: NOW - 500,
        externalId: 'chat-1',
        status: 'delivered',
      })
      assert.ok('applied' in applier.apply(op, NOW, published))
      applier.finish(published)
    })
    return published
  }

  it("keeps another property's message with the same externalId", () => {
    // B's own message is already there with this key; a copy from another desk with a smaller id
    // replaces it (same property), while A's message is never touched.
    apply(conversationB, 'msg_00000000000000000000000001')
    assert.ok(store.messages.get(local.messageId), "property A's message stays")
    assert.equal(store.messages.byExternalId(hotelB.id, 'chat-1')?.id, 'msg_00000000000000000000000001')
    assert.equal(store.messages.byExternalId(hotelA.id, 'chat-1')?.id, local.messageId)
  })

  it("still merges the same property's copies into the smaller id", () => {
    apply(local.conversationId, 'msg_00000000000000000000000000')
    assert.equal(store.messages.get(local.messageId), undefined)
    assert.equal(store.messages.byExternalId(hotelA.id, 'chat-1')?.id, 'msg_00000000000000000000000000')
    assert.equal(store.messages.count(local.conversationId), 1)
  })
})
