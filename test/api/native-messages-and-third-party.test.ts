import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, startTestApp, type TestApp } from '../support/test-app.js'

const NOW = Date.parse('2026-03-10T12:00:00Z')
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString()
let t: TestApp
let token: string
let propertyId: string
let whatsapp: string

const RICH = [
  { type: 'text', text: 'Hi! Is the spa open?' },
  { type: 'text', text: 'Sent from my mail app', isMail: true },
  { type: 'email', subject: 'Booking 1234', body: 'Please confirm.' },
  { type: 'response', text: 'When would you like to come?', quickReplies: [{ title: 'Morning', payload: 'AM' }, { title: 'Evening' }] },
  { type: 'quick_reply', text: 'Evening', payload: 'PM' },
  { type: 'image', url: 'https://cdn.example.com/pool.jpg', caption: 'The pool', mimeType: 'image/jpeg', size: 120_000 },
  { type: 'file', url: 'https://cdn.example.com/menu.pdf', name: 'menu.pdf', mimeType: 'application/pdf', size: 2_400_000 },
  { type: 'location', latitude: 46.0101, longitude: 8.9601, name: 'Hotel Lago', address: 'Riva 1, Lugano' },
  { type: 'contact', name: 'Concierge', phone: '+41 91 123 45 67', email: 'concierge@lago.ch' },
]

const push = (messages: object[], headers = bearer(token)) => t.app.inject({ method: 'POST', url: '/v1/messages', headers, payload: { messages } })

before(async () => {
  t = await startTestApp({ clock: () => NOW })
  token = t.token(['guest.conversation.write', 'guest.conversation.read'])
  propertyId = t.app.store.properties.first()!.id
  const response = await push(
    RICH.map((content, i) => ({ channel: 'whatsapp', guest: { phone: '+41795550101' }, direction: i % 2 ? 'out' : 'in', content, createdAt: at(100 - i), externalId: `wa-${i}` })),
  )
  assert.equal(response.statusCode, 201, response.body)
  whatsapp = response.json().items[0].conversationId
})
after(() => t.close())

describe('POST /v1/messages (native push)', () => {
  it('stores every message type on any channel and returns it as pushed', async () => {
    const items = (await t.app.inject({ url: `/v1/conversations/${whatsapp}/messages?limit=50`, headers: bearer(token) })).json().items
    assert.deepEqual(items.map((m: { content: object }) => m.content).reverse(), RICH)
    const conversation = (await t.app.inject({ url: `/v1/conversations/${whatsapp}`, headers: bearer(token) })).json()
    assert.equal(conversation.channel, 'whatsapp')
    assert.equal(conversation.lastMessagePreview, 'Contact: Concierge')
  })

  it('is idempotent on externalId', async () => {
    const again = await push([{ channel: 'whatsapp', guest: { phone: '079 555 01 01' }, direction: 'in', content: RICH[0], createdAt: at(100), externalId: 'wa-0' }])
    assert.equal(again.statusCode, 201)
    assert.equal(again.json().items[0].created, false)
    assert.equal((await t.app.inject({ url: `/v1/conversations/${whatsapp}`, headers: bearer(token) })).json().messageCount, RICH.length)
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
  const message = (over: object) => ({ channel: 'sms', guest: { phone: '+41795550199' }, direction: 'in', content: { type: 'text', text: 'Late check-in?' }, createdAt: at(5), ...over })
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
    assert.deepEqual(await problems([message({ createdAt: new Date(NOW + 25 * 3_600_000).toISOString() })]), ['messages.0.createdAt is more than a day in the future'])
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
    ]) assert.ok(found.includes(expected), expected)
    assert.deepEqual(await problems([message({ content: { type: 'email', subject: ' ', body: blank } })]), ['messages.0.content must not be blank'])
  })

  it('keeps a text as written: surrounding whitespace is part of the message', async () => {
    const response = await push([message({ content: { type: 'text', text: '  Room 12, please  \n' } })])
    assert.equal(response.statusCode, 201, response.body)
    const stored = t.app.store.messages.get(response.json().items[0].messageId)!
    assert.deepEqual(stored.content, { type: 'text', text: '  Room 12, please  \n' })
  })
})

describe('attachments', () => {
  it('stores an uploaded file in the data dir and serves it back: images inline, the rest as a download', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    const upload = await t.app.inject({ method: 'POST', url: '/v1/attachments?name=room%20204.png', headers: { ...bearer(token), 'content-type': 'image/png' }, payload: png })
    assert.equal(upload.statusCode, 201, upload.body)
    const { id, url, size } = upload.json()
    assert.equal(url, `/v1/attachments/${id}`)
    assert.equal(size, png.length)
    const download = await t.app.inject({ url, headers: bearer(token) })
    assert.equal(download.statusCode, 200)
    assert.deepEqual(download.rawPayload, png)
    assert.equal(download.headers['content-type'], 'image/png')
    assert.match(String(download.headers['content-disposition']), /^inline/)
    assert.match(String(download.headers['content-security-policy']), /sandbox/)

    const html = await t.app.inject({ method: 'POST', url: '/v1/attachments?name=x.html', headers: { ...bearer(token), 'content-type': 'text/html' }, payload: '<script>alert(1)</script>' })
    const served = await t.app.inject({ url: html.json().url, headers: bearer(token) })
    assert.equal(served.headers['content-type'], 'application/octet-stream')
    assert.match(String(served.headers['content-disposition']), /^attachment/)

    const sent = await push([{ channel: 'whatsapp', guest: { phone: '+41795550101' }, direction: 'in', content: { type: 'image', url }, createdAt: at(0) }])
    assert.equal(sent.statusCode, 201)
  })

  it('refuses an empty upload and answers unknown ids with 404; reading needs a token', async () => {
    assert.equal((await t.app.inject({ method: 'POST', url: '/v1/attachments?name=a.bin', headers: { ...bearer(token), 'content-type': 'application/octet-stream' }, payload: Buffer.alloc(0) })).statusCode, 400)
    assert.equal((await t.app.inject({ method: 'POST', url: '/v1/attachments', headers: { ...bearer(token), 'content-type': 'application/octet-stream' }, payload: Buffer.from('x') })).statusCode, 400)
    assert.equal((await t.app.inject({ url: '/v1/attachments/att_01M8K6B9DJ904MNCC136K42GN7', headers: bearer(token) })).statusCode, 404)
    assert.equal((await t.app.inject({ url: '/v1/attachments/att_01M8K6B9DJ904MNCC136K42GN7' })).statusCode, 401)
  })
})

describe('GET /3rd/conversations/{id}/messages', () => {
  const read = (url: string, headers: Record<string, string> = { 'x-access-token': token }) => t.app.inject({ url, headers })

  it('pages newest first with limit/skip, count, total and has_more', async () => {
    const first = (await read(`/3rd/conversations/${whatsapp}/messages?limit=4&skip=0`)).json()
    const count = RICH.length + 1
    assert.deepEqual([first.count, first.total, first.has_more], [count, 4, true])
    assert.equal(first.items[0].type, 'image')
    const last = (await read(`/3rd/conversations/${whatsapp}/messages?limit=4&skip=8`)).json()
    assert.deepEqual([last.count, last.total, last.has_more], [count, 2, false])
    assert.deepEqual(last.items.map((m: { content: { text: string } }) => m.content.text), ['Sent from my mail app', 'Hi! Is the spa open?'])
  })

  it('maps every type to the vendor\'s shape', async () => {
    const { items } = (await read(`/3rd/conversations/${whatsapp}/messages?limit=50`)).json()
    const byId = new Map(items.map((m: { public_id: string }) => [m.public_id, m]))
    const item = (i: number) => byId.get(`wa-${i}`) as { type: string; content: Record<string, unknown>; from: string; doc_name: string; organization_id: string; conversation_id: string }
    assert.deepEqual([item(0).type, item(0).content], ['text', { text: 'Hi! Is the spa open?', is_mail: false }])
    assert.deepEqual([item(1).type, item(1).content.is_mail], ['text', true])
    assert.deepEqual([item(2).type, item(2).content.is_mail, item(2).content.text], ['text', true, 'Booking 1234\n\nPlease confirm.'])
    assert.deepEqual([item(3).type, item(3).content.quick_replies], ['response', [{ title: 'Morning', payload: 'AM' }, { title: 'Evening', payload: null }]])
    assert.deepEqual([item(4).type, item(4).content.payload], ['quick_reply', 'PM'])
    assert.deepEqual([item(5).type, item(5).content.url, item(5).content.caption], ['image', 'https://cdn.example.com/pool.jpg', 'The pool'])
    assert.deepEqual([item(6).type, item(6).content.name, item(6).content.size], ['file', 'menu.pdf', 2_400_000])
    assert.deepEqual([item(7).type, item(7).content.latitude, item(7).content.longitude], ['location', 46.0101, 8.9601])
    assert.deepEqual([item(8).type, item(8).content.phone], ['contact', '+41 91 123 45 67'])
    assert.deepEqual([item(0).from, item(1).from, item(0).doc_name, item(0).organization_id, item(0).conversation_id], ['guest', 'property', 'message', propertyId, whatsapp])
  })

  it('answers 404, 401 and 400 with { message }', async () => {
    const missing = await read('/3rd/conversations/conv_nope/messages')
    assert.equal(missing.statusCode, 404)
    assert.equal(typeof missing.json().message, 'string')
    assert.equal((await read(`/3rd/conversations/${whatsapp}/messages`, {})).statusCode, 401)
    assert.equal((await read(`/3rd/conversations/${whatsapp}/messages`, { 'x-access-token': 'nope' })).statusCode, 401)
    const bad = await read(`/3rd/conversations/${whatsapp}/messages?limit=0`)
    assert.equal(bad.statusCode, 400)
    assert.equal(typeof bad.json().message, 'string')
  })
})

describe('GET /3rd/conversations/links', () => {
  const links = (query: string) => t.app.inject({ url: `/3rd/conversations/links?${query}`, headers: { 'x-access-token': token } })

  it('gives one entry per number asked, newest link first, each opening the conversation in the inbox', async () => {
    const web = await t.app.inject({
      method: 'POST',
      url: '/api/unified-messaging-service/guest-conversations/messages',
      headers: bearer(token),
      payload: { messages: [{ guestIdentifier: { type: 'PHONENUMBER', value: '+41795550101' }, platform: 'WEBSITE_CHAT', direction: 'RECEIVED', content: { type: 'text', text: { text: 'Hi' } }, messageCreatedAt: at(0) }] },
    })
    const webConversation = web.json()[0].conversationId
    const response = await links(`phone_numbers=%2B41795550101&phone_numbers=0790000000&organization_id=${propertyId}`)
    assert.equal(response.statusCode, 200, response.body)
    const [first, second] = response.json()
    assert.equal(first.phone_number, '+41795550101')
    assert.deepEqual(first.conversation_links.map((l: { link: string }) => l.link.replace(/^http:\/\/[^/]+/, '')), [`/conversations/${webConversation}`, `/conversations/${whatsapp}`])
    assert.match(first.conversation_links[0].link, /^http:\/\/127\.0\.0\.1(:\d+)?\/conversations\//, 'the public base URL (the loopback address), never the request\'s Host')
    assert.deepEqual(second, { phone_number: '0790000000', conversation_links: [] })
    // The national form of the number finds the same conversations.
    assert.equal((await links(`phone_numbers=079%20555%2001%2001&organization_id=${propertyId}`)).json()[0].conversation_links.length, 2)
  })

  it('answers 400 without either parameter and 404 when no number has a conversation', async () => {
    assert.equal((await links(`organization_id=${propertyId}`)).statusCode, 400)
    assert.equal((await links('phone_numbers=%2B41795550101')).statusCode, 400)
    const none = await links(`phone_numbers=%2B41790000000&organization_id=${propertyId}`)
    assert.equal(none.statusCode, 404)
    assert.equal(typeof none.json().message, 'string')
    assert.equal((await links('phone_numbers=%2B41795550101&organization_id=prop_other')).statusCode, 404)
  })
})
