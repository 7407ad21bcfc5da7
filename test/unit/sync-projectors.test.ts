import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { rmSync } from 'node:fs'
import { openDatabase } from '../../local-api/db/open.js'
import { createStore } from '../../local-api/db/store.js'
import { contentPreview } from '../../local-api/domain/message-content.js'
import { createHlcClock } from '../../sync-core/hlc.js'
import { mergeFields } from '../../sync-core/merge.js'
import type { SyncEntity } from '../../sync-core/protocol.js'
import type { DomainEvent } from '../../local-api/services/event-bus.js'
import { createServices } from '../../local-api/services/index.js'
import { guestMergeProjector } from '../../local-api/services/sync/projectors/guest-merge.js'
import { createProjectors, type ProjectedEntity } from '../../local-api/services/sync/projectors/index.js'
import { messageProjector } from '../../local-api/services/sync/projectors/message.js'
import { tempDir } from '../support/test-app.js'

const NOW = Date.parse('2026-11-29T08:00:00Z')
const PROPERTY = 'prp_00000000000000000000000001'
const GUEST = 'gst_00000000000000000000000001'

// Each projector on its own, against a real store: the merged synced state of an entity, as another
// desk's op leaves it, written as the entity's row through the store's repositories; two rows that
// are one thing end as the smaller id.
describe('sync projectors', () => {
  const dir = tempDir()
  const db = openDatabase(dir)
  const store = createStore(db, { now: () => NOW })
  after(() => {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const sync = store.sync
  const resolve = (entity: SyncEntity, id: unknown) => (typeof id === 'string' ? sync.resolve(entity, id) : undefined)
  // Profiles a reservation on two desks found to be one guest (linking merges them; services/guest-linking.ts).
  const sameGuests: [string, string][] = []
  const sameGuest = (a: string, b: string) => void sameGuests.push([a, b])
  const { projectors } = createProjectors({ store, sync, resolve, sameGuest })
  const clock = createHlcClock('otherdesk', () => NOW)

  /** Merges one op's fields into the entity's synced state and projects it, as apply-ops does. */
  function project(entity: ProjectedEntity, entityId: string, fields: Record<string, unknown>) {
    const id = sync.resolve(entity, entityId)
    const state = sync.entityState(entity, id) ?? { fields: {}, clocks: {} }
    const hlc = clock.now()
    mergeFields(entity, state, fields, () => hlc)
    const waiting = projectors[entity].missing(state.fields)
    if (waiting) return { waiting }
    const touched = new Set<string>()
    const finalId = projectors[entity].project(id, state, touched)
    if (finalId === id) sync.saveEntityState(entity, id, state)
    return { id: finalId, touched }
  }
  const all = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params)
  const get = (sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as Record<string, unknown> | undefined

  it('property: waits (parked) while incomplete; complete, its row', () => {
    assert.deepEqual(project('property', PROPERTY, { name: 'Seehotel' }), { waiting: 'incomplete property' })
    assert.equal(project('property', PROPERTY, { name: 'Seehotel', defaultCountry: 'CH', createdAt: NOW }).id, PROPERTY)
    assert.deepEqual(get('SELECT name, default_country, time_zone FROM properties WHERE id = ?', PROPERTY), {
      name: 'Seehotel',
      default_country: 'CH',
      time_zone: 'UTC',
    })
  })

  it('guest and guest identity: rows, the identity linked to its profile', () => {
    assert.deepEqual(project('guest_identity', 'phone:+41795550001', { guestId: GUEST, createdAt: NOW }), { waiting: `waits for guest ${GUEST}` })
    project('guest', GUEST, { firstName: 'Eva', lastName: 'Brunner', createdAt: NOW })
    assert.deepEqual(get('SELECT first_name, last_name FROM guests WHERE id = ?', GUEST), { first_name: 'Eva', last_name: 'Brunner' })
    project('guest_identity', 'phone:+41795550001', { guestId: GUEST, createdAt: NOW })
    assert.deepEqual(get("SELECT guest_id, verified FROM guest_identities WHERE kind = 'phone' AND value = '+41795550001'"), { guest_id: GUEST, verified: 1 })
  })

  it('agent: one per e-mail address, merged into the smaller id whichever came first', () => {
    const agent = (id: string, name: string) => project('agent', id, { name, email: 'sara@seehotel.ch', role: 'agent', createdAt: NOW })
    assert.equal(agent('agt_2', 'Sara on desk 2').id, 'agt_2')
    assert.equal(agent('agt_1', 'Sara on desk 1').id, 'agt_1', "the smaller id takes the larger one's place")
    assert.equal(agent('agt_3', 'Sara on desk 3').id, 'agt_1', 'a larger id merges into the smaller one')
    assert.deepEqual(all("SELECT id FROM agents WHERE email LIKE 'sara@%'"), [{ id: 'agt_1' }])
    assert.equal(sync.resolve('agent', 'agt_2'), 'agt_1')
    assert.equal(sync.resolve('agent', 'agt_3'), 'agt_1')
    assert.equal(sync.entityState('agent', 'agt_2'), undefined, 'the merged-away state is folded in')
  })

  const conversation = (id: string) =>
    project('conversation', id, {
      propertyId: PROPERTY,
      channel: 'whatsapp',
      identity: { kind: 'phone', value: '+41795550001' },
      guestId: GUEST,
      mode: 'human',
      createdAt: NOW,
    })
  const CONV = 'cnv_00000000000000000000000002'
  const SMALLER_CONV = 'cnv_00000000000000000000000001'

  it('conversation: its row, waiting for its property', () => {
    assert.deepEqual(project('conversation', 'cnv_9', { channel: 'sms', createdAt: NOW, propertyId: 'prp_elsewhere' }), {
      waiting: 'waits for property prp_elsewhere',
    })
    const outcome = conversation(CONV)
    assert.equal(outcome.id, CONV)
    assert.ok(outcome.touched?.has(CONV))
    assert.deepEqual(get('SELECT property_id, channel, guest_id, mode FROM conversations WHERE id = ?', CONV), {
      property_id: PROPERTY,
      channel: 'whatsapp',
      guest_id: GUEST,
      mode: 'human',
    })
  })

  it('conversation: one per guest identity and channel, merged into the smaller id with its messages, summed up as ingest does', () => {
    const long = `Good morning! ${'We would like to know whether late check-out is possible. '.repeat(5)}`
    store.messages.insert({
      id: 'msg_00000000000000000000000001',
      conversationId: CONV,
      externalId: null,
      direction: 'in',
      content: { type: 'text', text: long },
      text: long,
      status: 'delivered',
      senderAgentId: null,
      author: null,
      meta: null,
      createdAt: NOW + 1000,
      receivedAt: NOW + 1000,
    })
    assert.equal(conversation(SMALLER_CONV).id, SMALLER_CONV)
    assert.equal(get('SELECT 1 AS here FROM conversations WHERE id = ?', CONV), undefined)
    assert.equal(sync.resolve('conversation', CONV), SMALLER_CONV)
    const merged = store.conversations.get(SMALLER_CONV)!
    assert.equal(merged.messageCount, 1)
    assert.equal(merged.lastMessageAt, NOW + 1000)
    assert.equal(merged.lastMessagePreview, contentPreview({ type: 'text', text: long }))
    assert.equal(merged.lastMessagePreview.length, 140)
    assert.equal(conversation(CONV).id, SMALLER_CONV, 'a later op of the larger id lands on the smaller one')
  })

  it('reservation: one per confirmation number, merged into the smaller id', () => {
    const reservation = (id: string, room: string) =>
      project('reservation', id, {
        propertyId: PROPERTY,
        guestId: GUEST,
        confirmationNumber: 'B-1001',
        arrival: '2026-12-01',
        departure: '2026-12-03',
        room,
        createdAt: NOW,
      })
    assert.equal(reservation('rsv_2', '12').id, 'rsv_2')
    assert.equal(reservation('rsv_1', '14').id, 'rsv_1')
    assert.equal(reservation('rsv_3', '16').id, 'rsv_1')
    assert.deepEqual(all('SELECT id, confirmation_number, guest_id FROM reservations'), [{ id: 'rsv_1', confirmation_number: 'B-1001', guest_id: GUEST }])
    assert.equal(sync.resolve('reservation', 'rsv_2'), 'rsv_1')
  })

  it('lead: one per conversation, merged into the smaller id', () => {
    const lead = (id: string, notes: string) =>
      project('lead', id, { conversationId: CONV, guestId: GUEST, reservationId: 'rsv_2', status: 'new', notes, createdAt: NOW })
    assert.equal(lead('led_2', 'two nights').id, 'led_2')
    assert.equal(lead('led_1', 'a dog').id, 'led_1')
    assert.equal(lead('led_3', 'late check-out').id, 'led_1')
    assert.deepEqual(
      all('SELECT id, conversation_id, reservation_id FROM leads'),
      [{ id: 'led_1', conversation_id: SMALLER_CONV, reservation_id: 'rsv_1' }],
      'references resolved through aliases',
    )
    assert.equal(sync.resolve('lead', 'led_3'), 'led_1')
  })

  it('template: two with one shortcut, the smaller id keeps it; a deleted one is gone', () => {
    const template = (id: string) =>
      project('template', id, { propertyId: PROPERTY, name: 'Parking', shortcut: 'parking', body: 'Free for guests.', createdAt: NOW })
    template('tpl_0000000000000000000000000B')
    template('tpl_0000000000000000000000000A')
    assert.deepEqual(all('SELECT id, shortcut FROM templates ORDER BY id'), [
      { id: 'tpl_0000000000000000000000000A', shortcut: 'parking' },
      { id: 'tpl_0000000000000000000000000B', shortcut: 'parking-000b' },
    ])
    project('template', 'tpl_0000000000000000000000000A', { deleted: true })
    assert.deepEqual(all('SELECT id, shortcut FROM templates'), [{ id: 'tpl_0000000000000000000000000B', shortcut: 'parking' }])
  })

  it('knowledge entry: written, then deleted', () => {
    project('knowledge_entry', 'kne_1', { propertyId: PROPERTY, question: 'Parking?', answer: 'Free.', createdAt: NOW })
    assert.deepEqual(get('SELECT question, answer FROM knowledge_entries WHERE id = ?', 'kne_1'), { question: 'Parking?', answer: 'Free.' })
    project('knowledge_entry', 'kne_1', { deleted: true })
    assert.equal(get('SELECT 1 AS here FROM knowledge_entries WHERE id = ?', 'kne_1'), undefined)
  })

  it('conversation event: its row, on the conversation the id resolves to', () => {
    const outcome = project('conversation_event', 'cev_1', {
      conversationId: CONV,
      type: 'mode_changed',
      agentId: 'agt_3',
      data: { to: 'human' },
      createdAt: NOW,
    })
    assert.ok(outcome.touched?.has(SMALLER_CONV))
    assert.deepEqual(get('SELECT conversation_id, type, agent_id, data FROM conversation_events WHERE id = ?', 'cev_1'), {
      conversation_id: SMALLER_CONV,
      type: 'mode_changed',
      agent_id: 'agt_1',
      data: '{"to":"human"}',
    })
  })

  it('contact suggestion: its row', () => {
    project('contact_suggestion', 'csg_1', {
      conversationId: SMALLER_CONV,
      kind: 'email',
      value: 'eva@example.com',
      foundAt: NOW,
      status: 'dismissed',
      decidedBy: 'agt_1',
      decidedAt: NOW,
    })
    assert.deepEqual(get('SELECT conversation_id, kind, value, status, decided_by FROM contact_suggestions WHERE id = ?', 'csg_1'), {
      conversation_id: SMALLER_CONV,
      kind: 'email',
      value: 'eva@example.com',
      status: 'dismissed',
      decided_by: 'agt_1',
    })
  })

  it('message: written in a run through ingest; one integrator message is one (the smaller id); its delivery only moves forward', () => {
    const messages = messageProjector({ store, sync, resolve, sameGuest }, createServices(store, { clock: () => NOW }).ingest, (id, reason) =>
      assert.fail(`${id}: ${reason}`),
    )
    const published: DomainEvent[] = []
    const reply = (id: string, status: string) =>
      messages.apply(
        'otherdesk',
        id,
        { conversationId: CONV, direction: 'out', content: { type: 'text', text: 'See you soon' }, createdAt: NOW + 2000, externalId: 'ext-1', status },
        new Set(),
        NOW,
        published,
      )
    assert.deepEqual(reply('msg_00000000000000000000000003', 'sent'), { applied: true })
    assert.equal(store.messages.get('msg_00000000000000000000000003'), undefined, 'held in the run')
    messages.finish(published)
    assert.equal(store.messages.get('msg_00000000000000000000000003')?.conversationId, SMALLER_CONV)
    reply('msg_00000000000000000000000002', 'delivered')
    messages.finish(published)
    assert.equal(store.messages.get('msg_00000000000000000000000003'), undefined)
    reply('msg_00000000000000000000000002', 'queued')
    assert.equal(store.messages.get('msg_00000000000000000000000002')?.status, 'delivered')
    const summed = store.conversations.get(SMALLER_CONV)!
    assert.equal(summed.messageCount, 2)
    assert.equal(summed.lastMessagePreview, 'See you soon')
  })

  it('guest merge (as an older desk sends it): the smaller id kept, the other profile gone', () => {
    const OTHER_GUEST = 'gst_00000000000000000000000002'
    project('guest', OTHER_GUEST, { firstName: 'Eva', lastName: 'Brunner-Meier', createdAt: NOW })
    const touched = new Set<string>()
    assert.deepEqual(guestMergeProjector({ store, sync, resolve, sameGuest }).applyLegacy(OTHER_GUEST, GUEST, clock.now(), touched), { applied: true })
    assert.equal(get('SELECT 1 AS here FROM guests WHERE id = ?', OTHER_GUEST), undefined)
    assert.equal(sync.resolve('guest', OTHER_GUEST), GUEST)
    assert.ok(touched.has(SMALLER_CONV), "the kept profile's conversations are refreshed")
  })
})
