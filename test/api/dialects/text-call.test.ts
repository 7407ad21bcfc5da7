import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

let t: TestApp
let admin: string
let writer: string
let agentId: string
let fieldId: string
let guestId: string
let otherAccountContact: string

const call = (account: string, payload: object, token = writer) =>
  t.app.inject({ method: 'POST', url: `/api/onsite-account/${account}/text-call`, headers: bearer(token), payload })
const messageCount = () => (t.db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n
// What guests wrote: the AI agent's handover words to them are not the call's.
const guestMessageCount = () => (t.db.prepare("SELECT count(*) AS n FROM messages WHERE direction = 'in'").get() as { n: number }).n

before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
  writer = t.token(['guest.conversation.write', 'guest.conversation.read'])
  const post = async (url: string, payload: object) => {
    const response = await t.app.inject({ method: 'POST', url, headers: bearer(admin), payload })
    assert.ok(response.statusCode < 300, response.body)
    return response.json()
  }
  await post('/v1/channel-accounts', { channel: 'web_chat', code: 'jp-web', name: 'Japan website' })
  await post('/v1/channel-accounts', { channel: 'web_chat', code: 'ch-web', name: 'Swiss website' })
  agentId = (await post('/v1/agents', { name: 'Yuki Tanaka', email: 'yuki@hotel.jp', password: 'sakura season', role: 'agent' })).id
  fieldId = (await post('/v1/custom-fields', { name: 'Room type wanted' })).id
  guestId = (
    await post('/v1/reservations', {
      confirmationNumber: 'JP-1',
      guest: { firstName: 'Hana', lastName: 'Sato', email: 'hana@example.jp' },
      arrival: '2026-12-01',
      departure: '2026-12-03',
    })
  ).reservation.guestId
  otherAccountContact = (await call('ch-web', { message: 'Hallo' })).json().data.onsite_contact_id
})
after(() => t.close())

describe('POST /api/onsite-account/{onsite_account}/text-call', () => {
  it('with no identifier creates a new onsite contact, one conversation and exactly one message', async () => {
    const before = guestMessageCount()
    const first = await call('jp-web', { message: 'Do you have rooms on 1 December?' })
    assert.equal(first.statusCode, 200, first.body)
    const { data } = first.json()
    assert.match(data.onsite_contact_id, /^oc_/)
    assert.match(data.conversation_id, /^conv_/)
    assert.match(data.message_id, /^msg_/)
    assert.equal(data.contact_id, null)
    assert.equal(data.status, 'manual')
    const second = (await call('jp-web', { message: 'Another visitor' })).json().data
    assert.notEqual(second.onsite_contact_id, data.onsite_contact_id)
    assert.notEqual(second.conversation_id, data.conversation_id)
    assert.equal(guestMessageCount(), before + 2)

    const conversation = (await t.app.inject({ url: `/v1/conversations/${data.conversation_id}`, headers: bearer(admin) })).json()
    assert.equal(conversation.source.channelAccount.name, 'Japan website')
    assert.equal(conversation.source.onsiteContact.id, data.onsite_contact_id)
    // The visitor's message, and after it the AI agent's handover words (the newest, so the preview).
    await t.app.aiAgent.idle()
    const messages = (await t.app.inject({ url: `/v1/conversations/${data.conversation_id}/messages`, headers: bearer(admin) })).json().items
    assert.deepEqual(
      messages.map((m: { direction: string; content: { text: string } }) => [m.direction, m.content.text]),
      [
        ['out', "I've passed this to our front desk; a colleague will reply shortly."],
        ['in', 'Do you have rooms on 1 December?'],
      ],
    )
    const handedOver = (await t.app.inject({ url: `/v1/conversations/${data.conversation_id}`, headers: bearer(admin) })).json()
    assert.equal(handedOver.lastMessagePreview, "I've passed this to our front desk; a colleague will reply shortly.")
  })

  it('names the account by id as well as by code', async () => {
    const [account] = (await t.app.inject({ url: '/v1/channel-accounts', headers: bearer(admin) })).json().filter((a: { code: string }) => a.code === 'jp-web')
    assert.equal((await call(account.id, { message: 'By id' })).statusCode, 200)
  })

  it('finds a contact by sn, creating it with that sn the first time', async () => {
    const first = (await call('jp-web', { identifier_type: 'onsite_contact_sn', identifier: 'WEB-77', message: 'First' })).json().data
    const second = (await call('jp-web', { identifier_type: 'onsite_contact_sn', identifier: 'WEB-77', message: 'Second' })).json().data
    assert.equal(second.onsite_contact_id, first.onsite_contact_id)
    assert.equal(second.conversation_id, first.conversation_id)
    const conversation = (await t.app.inject({ url: `/v1/conversations/${first.conversation_id}`, headers: bearer(admin) })).json()
    assert.equal(conversation.source.onsiteContact.sn, 'WEB-77')
    await t.app.aiAgent.idle()
    const messages = (await t.app.inject({ url: `/v1/conversations/${first.conversation_id}/messages`, headers: bearer(admin) })).json().items
    assert.deepEqual(
      messages.filter((m: { direction: string }) => m.direction === 'in').map((m: { content: { text: string } }) => m.content.text),
      ['Second', 'First'],
    )
    const byId = (await call('jp-web', { identifier_type: 'onsite_contact_id', identifier: first.onsite_contact_id, message: 'Third' })).json().data
    assert.equal(byId.conversation_id, first.conversation_id)
  })

  it('gives a known guest profile (contact_id) an onsite contact on this account once, linked to the profile', async () => {
    const first = (await call('jp-web', { identifier_type: 'contact_id', identifier: guestId, message: 'This is Hana' })).json().data
    assert.equal(first.contact_id, guestId)
    const again = (await call('jp-web', { identifier_type: 'contact_id', identifier: guestId, message: 'Hana again' })).json().data
    assert.equal(again.onsite_contact_id, first.onsite_contact_id)
    const conversation = (await t.app.inject({ url: `/v1/conversations/${first.conversation_id}`, headers: bearer(admin) })).json()
    assert.equal(conversation.guest.id, guestId)
    assert.equal(conversation.guest.name, 'Hana Sato')
  })

  it('puts the conversation in the transfer queue, routed to the assignee, or leaves it for manual pickup', async () => {
    const queued = (
      await call('jp-web', {
        identifier_type: 'onsite_contact_sn',
        identifier: 'Q-1',
        message: 'Please call me',
        should_enter_queue: true,
        assignee_id: agentId,
      })
    ).json().data
    assert.equal(queued.status, 'queued')
    let routing = (await t.app.inject({ url: `/v1/conversations/${queued.conversation_id}`, headers: bearer(admin) })).json().routing
    assert.deepEqual(routing, { queueState: 'queued', assignedAgentId: agentId })
    const manual = (await call('jp-web', { identifier_type: 'onsite_contact_sn', identifier: 'Q-1', message: 'Never mind', should_enter_queue: null })).json()
      .data
    assert.equal(manual.status, 'manual')
    routing = (await t.app.inject({ url: `/v1/conversations/${queued.conversation_id}`, headers: bearer(admin) })).json().routing
    assert.deepEqual(routing, { queueState: 'manual', assignedAgentId: agentId })
  })

  it('hands a call entering the queue to staff as a human transfer: in the timeline and in /v1/stats', async () => {
    const from = new Date(Date.now() - 60_000).toISOString()
    const to = new Date(Date.now() + 3600_000).toISOString()
    const humanTransfers = async () => {
      const metrics = (await t.app.inject({ url: `/v1/stats?from=${from}&to=${to}`, headers: bearer(admin) })).json().metrics as {
        key: string
        value: number
      }[]
      return metrics.find((metric) => metric.key === 'humanTransfers')!.value
    }
    await t.app.aiAgent.idle()
    const before = await humanTransfers()
    const queued = (
      await call('jp-web', { identifier_type: 'onsite_contact_sn', identifier: 'Q-2', message: 'Please call me', should_enter_queue: true })
    ).json().data
    // The switch is in the call's own transaction: the AI agent finds the conversation with staff already.
    await t.app.aiAgent.idle()
    assert.equal((await t.app.inject({ url: `/v1/conversations/${queued.conversation_id}`, headers: bearer(admin) })).json().mode, 'human')
    const events = (await t.app.inject({ url: `/v1/conversations/${queued.conversation_id}/events`, headers: bearer(admin) })).json()
    assert.deepEqual(
      events.map((event: { type: string; agent: unknown; data: unknown }) => [event.type, event.agent, event.data]),
      [['mode_changed', null, { mode: 'human', reason: 'entered the transfer queue' }]],
    )
    assert.equal(await humanTransfers(), before + 1)

    await call('jp-web', { identifier_type: 'onsite_contact_sn', identifier: 'Q-2', message: 'Still there?', should_enter_queue: true })
    assert.equal(await humanTransfers(), before + 1, 'already with staff: no second transfer')
  })

  it("stores interact_collection_data as the conversation's service record", async () => {
    const { data } = (
      await call('jp-web', {
        identifier_type: 'onsite_contact_sn',
        identifier: 'SR-1',
        message: 'Twin room please',
        interact_collection_data: { memo: 'Asked for a twin', cz_cols: [{ id: fieldId, value: 'Twin' }] },
      })
    ).json()
    const record = (await t.app.inject({ url: `/v1/conversations/${data.conversation_id}/service-record`, headers: bearer(admin) })).json()
    assert.equal(record.memo, 'Asked for a twin')
    assert.deepEqual(record.values, [{ id: fieldId, name: 'Room type wanted', value: 'Twin' }])
  })

  it('rejects unknown contact_id, onsite_contact_id (also of another account), assignee_id and custom fields with 422, storing nothing', async () => {
    await t.app.aiAgent.idle()
    const before = messageCount()
    const cases: [object, string][] = [
      [{ identifier_type: 'contact_id', identifier: 'gst_nobody', message: 'x' }, 'identifier'],
      [{ identifier_type: 'onsite_contact_id', identifier: 'oc_nobody', message: 'x' }, 'identifier'],
      [{ identifier_type: 'onsite_contact_id', identifier: otherAccountContact, message: 'x' }, 'identifier'],
      [{ identifier_type: 'onsite_contact_sn', message: 'x' }, 'identifier'],
      [{ identifier: 'WEB-1', message: 'x' }, 'identifier_type'],
      [{ message: 'x', assignee_id: 'agt_nobody' }, 'assignee_id'],
      [{ message: 'x', interact_collection_data: { cz_cols: [{ id: 'cf_nope', value: 'y' }] } }, 'interact_collection_data.cz_cols.0.id'],
    ]
    for (const [payload, field] of cases) {
      const response = await call('jp-web', payload)
      assert.equal(response.statusCode, 422, JSON.stringify(payload))
      const body = response.json()
      assert.equal(body.message, 'The given data was invalid.')
      assert.ok(Array.isArray(body.errors[field]) && body.errors[field].length > 0, `${field} in ${response.body}`)
    }
    assert.equal(messageCount(), before)
  })

  it("takes 1 to 5000 characters of message, and answers bad bodies with 422 in this vendor's shape", async () => {
    assert.equal((await call('jp-web', { message: 'x'.repeat(5000) })).statusCode, 200)
    for (const payload of [
      { message: '' },
      { message: 'x'.repeat(5001) },
      {},
      { message: 'x', should_enter_queue: 'yes' },
      { message: 'x', identifier_type: 'passport' },
    ]) {
      const response = await call('jp-web', payload)
      assert.equal(response.statusCode, 422, JSON.stringify(payload))
      assert.equal(typeof response.json().errors, 'object')
    }
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/onsite-account/jp-web/text-call',
      headers: { ...bearer(writer), 'content-type': 'application/json' },
      payload: '{"message":',
    })
    assert.equal(malformed.statusCode, 400)
    assert.equal(typeof malformed.json().message, 'string')
  })

  it('refuses a whitespace-only message with 422 naming the field, storing nothing', async () => {
    await t.app.aiAgent.idle()
    const before = messageCount()
    for (const message of ['   ', '\n\t', '\u00a0\u2003']) {
      const response = await call('jp-web', { message })
      assert.equal(response.statusCode, 422, JSON.stringify(message))
      assert.deepEqual(response.json(), { message: 'The given data was invalid.', errors: { message: ['must not be blank'] } })
    }
    const blankSn = await call('jp-web', { identifier_type: 'onsite_contact_sn', identifier: '   ', message: 'Hello' })
    assert.equal(blankSn.statusCode, 422)
    assert.deepEqual(blankSn.json().errors, { identifier: ['is required when identifier_type is onsite_contact_sn'] })
    assert.equal(messageCount(), before)
    const padded = (await call('jp-web', { identifier_type: 'onsite_contact_sn', identifier: ' SN-PAD ', message: 'Hello' })).json().data
    const again = (await call('jp-web', { identifier_type: 'onsite_contact_sn', identifier: 'SN-PAD', message: 'Again' })).json().data
    assert.equal(again.onsite_contact_id, padded.onsite_contact_id)
  })

  it('answers an unknown account with 404, and missing or weak tokens with 401 / 403', async () => {
    assert.equal((await call('nowhere', { message: 'x' })).statusCode, 404)
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/onsite-account/jp-web/text-call', payload: { message: 'x' } })
    assert.equal(anonymous.statusCode, 401)
    assert.equal(typeof anonymous.json().message, 'string')
    assert.equal((await call('jp-web', { message: 'x' }, t.token(['guest.conversation.read']))).statusCode, 403)
  })
})
