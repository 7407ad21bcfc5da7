import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { at, EVERY_CONTENT_TYPE, NOW, pushEveryContentType } from '../../support/native-messages.js'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

let t: TestApp
let token: string
let whatsapp: string

const push = (messages: object[], headers = bearer(token)) => t.app.inject({ method: 'POST', url: '/v1/messages', headers, payload: { messages } })

before(async () => {
  t = await startTestApp({ clock: () => NOW })
  token = t.token(['guest.conversation.write', 'guest.conversation.read'])
  whatsapp = await pushEveryContentType(t, token)
})
after(() => t.close())

describe('POST /v1/messages (native push)', () => {
  it('stores every message type on any channel and returns it as pushed', async () => {
    const items = (await t.app.inject({ url: `/v1/conversations/${whatsapp}/messages?limit=50`, headers: bearer(token) })).json().items
    assert.deepEqual(items.map((m: { content: object }) => m.content).reverse(), EVERY_CONTENT_TYPE)
    const conversation = (await t.app.inject({ url: `/v1/conversations/${whatsapp}`, headers: bearer(token) })).json()
    assert.equal(conversation.channel, 'whatsapp')
    assert.equal(conversation.lastMessagePreview, 'Contact: Concierge')
  })

  it('is idempotent on externalId', async () => {
    const again = await push([
      { channel: 'whatsapp', guest: { phone: '079 555 01 01' }, direction: 'in', content: EVERY_CONTENT_TYPE[0], createdAt: at(100), externalId: 'wa-0' },
    ])
    assert.equal(again.statusCode, 201)
    assert.equal(again.json().items[0].created, false)
    assert.equal((await t.app.inject({ url: `/v1/conversations/${whatsapp}`, headers: bearer(token) })).json().messageCount, EVERY_CONTENT_TYPE.length)
  })

  it('rejects the whole batch for one bad message: unsafe URLs, unknown types, bad coordinates, bad identities', async () => {
    const good = { channel: 'instagram', guest: { email: 'new@example.com' }, direction: 'in', content: { type: 'text', text: 'ok' }, createdAt: at(1) }
    const bad = [
      { ...good, content: { type: 'image', url: 'javascript:alert(1)' } },
      { ...good, content: { type: 'file', url: 'file:///etc/passwd', name: 'passwd' } },
      { ...good, content: { type: 'video', url: 'https://x.example/v.mp4' } },
      { ...good, content: { type: 'location', latitude: 123, longitude: 0 } },
      { ...good, content: { type: 'response', text: 'Pick', quickReplies: [] } },
      { ...good, guest: { phone: 'not a phone' } },
      { ...good, guest: { phone: '+41795550101', email: 'both@example.com' } },
      { ...good, channel: 'pigeon' },
    ]
    for (const message of bad) {
      const response = await push([good, message])
      assert.equal(response.statusCode, 400, JSON.stringify(message))
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8')
    }
    const list = (await t.app.inject({ url: '/v1/conversations?channel=instagram', headers: bearer(token) })).json()
    assert.equal(list.items.length, 0)
  })
})

describe('POST /v1/messages: times and blank texts', () => {
  const message = (over: object) => ({
    channel: 'sms',
    guest: { phone: '+41795550199' },
    direction: 'in',
    content: { type: 'text', text: 'Late check-in?' },
    createdAt: at(5),
    ...over,
  })
  const problems = async (messages: object[]) => {
    const response = await push(messages)
    assert.equal(response.statusCode, 400, response.body)
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8')
    return response.json().errors.map((e: { field: string; message: string }) => `${e.field} ${e.message}`)
  }

  it('refuses times before 2000-01-01 (also the epoch and a zone that puts it in 1999) and more than a day ahead', async () => {
    assert.deepEqual(await problems([message({}), message({ createdAt: '1999-12-31T23:59:59Z' }), message({ createdAt: '2000-01-01T00:59:59+01:00' })]), [
      'messages.1.createdAt must not be before 2000-01-01T00:00:00Z',
      'messages.2.createdAt must not be before 2000-01-01T00:00:00Z',
    ])
    assert.deepEqual(await problems([message({ createdAt: '1970-01-01T00:00:00Z' })]), ['messages.0.createdAt must not be before 2000-01-01T00:00:00Z'])
    assert.deepEqual(await problems([message({ createdAt: new Date(NOW + 25 * 3_600_000).toISOString() })]), [
      'messages.0.createdAt is more than a day in the future',
    ])
    const list = (await t.app.inject({ url: '/v1/conversations?channel=sms', headers: bearer(token) })).json()
    assert.equal(list.items.length, 0)
  })

  it('refuses whitespace-only texts of every kind, and a blank email', async () => {
    const blank = ' \n\t '
    // (A content is one of several shapes: the problems name each shape's; the blank field is among them.)
    const found = await problems([
      message({ content: { type: 'text', text: blank } }),
      message({ content: { type: 'quick_reply', text: blank } }),
      message({ content: { type: 'response', text: 'Pick one', quickReplies: [{ title: blank }] } }),
      message({ content: { type: 'file', url: 'https://cdn.example.com/a.pdf', name: '  ' } }),
      message({ content: { type: 'contact', name: blank } }),
    ])
    for (const expected of [
      'messages.0.content.text must not be blank',
      'messages.1.content.text must not be blank',
      'messages.2.content.quickReplies.0.title must not be blank',
      'messages.3.content.name must not be blank',
      'messages.4.content.name must not be blank',
    ])
      assert.ok(found.includes(expected), expected)
    assert.deepEqual(await problems([message({ content: { type: 'email', subject: ' ', body: blank } })]), ['messages.0.content must not be blank'])
  })

  it('keeps a text as written: surrounding whitespace is part of the message', async () => {
    const response = await push([message({ content: { type: 'text', text: '  Room 12, please  \n' } })])
    assert.equal(response.statusCode, 201, response.body)
    const stored = t.app.store.messages.get(response.json().items[0].messageId)!
    assert.deepEqual(stored.content, { type: 'text', text: '  Room 12, please  \n' })
  })
})
