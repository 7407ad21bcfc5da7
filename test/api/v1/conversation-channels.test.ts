import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../support/test-app.js'

// The inbox's channel filter offers the channels the desk has conversations on, whichever they are.

let t: TestApp
let writer: string
before(async () => {
  t = await startTestApp()
  writer = t.token()
})
after(() => t.close())

const channels = async (token = writer, query = '') => {
  const response = await t.app.inject({ url: `/v1/conversation-channels${query}`, headers: bearer(token) })
  assert.equal(response.statusCode, 200, response.body)
  return response.json() as string[]
}
const native = (channel: string, phone: string, token = writer) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/messages',
    headers: bearer(token),
    payload: { messages: [{ channel, guest: { phone }, direction: 'in', content: { type: 'text', text: 'Hello' }, createdAt: new Date().toISOString() }] },
  })

describe('GET /v1/conversation-channels', () => {
  it('is empty on a desk without conversations', async () => {
    assert.deepEqual(await channels(), [])
  })

  it('lists every channel with a conversation, SMS and email included, in the contract order', async () => {
    await t.app.inject({
      method: 'POST',
      url: PUSH_URL,
      headers: bearer(writer),
      payload: { messages: [pushedMessage({ phone: '+41791110001', platform: 'PHONE_CALL' })] },
    })
    for (const [channel, phone] of [
      ['sms', '+41791110002'],
      ['email', '+41791110003'],
      ['web_chat', '+41791110004'],
    ]) {
      const response = await native(channel!, phone!)
      assert.ok(response.statusCode < 300, response.body)
    }
    assert.deepEqual(await channels(), ['web_chat', 'phone', 'sms', 'email'])
  })

  it("shows a token bound to a property only that property's channels, whatever it asks for", async () => {
    const other = await t.app.inject({
      method: 'POST',
      url: '/v1/properties',
      headers: bearer(t.token(['admin'])),
      payload: { name: 'Hotel B', defaultCountry: 'CH' },
    })
    const propertyB = other.json().id
    const boundB = t.token(undefined, propertyB)
    assert.ok((await native('whatsapp', '+41791110005', boundB)).statusCode < 300)
    const firstProperty = t.app.store.properties.first()!.id
    assert.deepEqual(await channels(boundB), ['whatsapp'])
    assert.deepEqual(await channels(boundB, `?propertyId=${firstProperty}`), ['whatsapp'])
    assert.deepEqual(await channels(writer, `?propertyId=${firstProperty}`), ['web_chat', 'phone', 'sms', 'email'])
    assert.deepEqual(await channels(), ['web_chat', 'phone', 'whatsapp', 'sms', 'email'])
  })

  it('refuses an unknown parameter (400) and a token without the read scope (403)', async () => {
    assert.equal((await t.app.inject({ url: '/v1/conversation-channels?limit=5', headers: bearer(writer) })).statusCode, 400)
    assert.equal((await t.app.inject({ url: '/v1/conversation-channels', headers: bearer(t.token(['reservation.read'])) })).statusCode, 403)
  })

  it('probes the channel index, never scanning the conversations', () => {
    const plan = t.db
      .prepare('EXPLAIN QUERY PLAN SELECT 1 FROM conversations WHERE channel = ? LIMIT 1')
      .all('sms')
      .map((row) => (row as { detail: string }).detail)
      .join('\n')
    assert.match(plan, /USING (COVERING )?INDEX conversations_by_channel_activity/)
  })
})
