import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { at, EVERY_CONTENT_TYPE, NOW, pushEveryContentType } from '../../support/native-messages.js'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

let t: TestApp
let token: string
let propertyId: string
let whatsapp: string

before(async () => {
  t = await startTestApp({ clock: () => NOW })
  token = t.token(['guest.conversation.write', 'guest.conversation.read'])
  propertyId = t.app.store.properties.first()!.id
  whatsapp = await pushEveryContentType(t, token)
  // The newest message of the conversation: a picture the guest uploaded.
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
  const upload = await t.app.inject({
    method: 'POST',
    url: '/v1/attachments?name=room%20204.png',
    headers: { ...bearer(token), 'content-type': 'image/png' },
    payload: png,
  })
  assert.equal(upload.statusCode, 201, upload.body)
  const sent = await t.app.inject({
    method: 'POST',
    url: '/v1/messages',
    headers: bearer(token),
    payload: {
      messages: [
        { channel: 'whatsapp', guest: { phone: '+41795550101' }, direction: 'in', content: { type: 'image', url: upload.json().url }, createdAt: at(0) },
      ],
    },
  })
  assert.equal(sent.statusCode, 201, sent.body)
})
after(() => t.close())

describe('GET /3rd/conversations/{id}/messages', () => {
  const read = (url: string, headers: Record<string, string> = { 'x-access-token': token }) => t.app.inject({ url, headers })

  it('pages newest first with limit/skip, count, total and has_more', async () => {
    const first = (await read(`/3rd/conversations/${whatsapp}/messages?limit=4&skip=0`)).json()
    const count = EVERY_CONTENT_TYPE.length + 1
    assert.deepEqual([first.count, first.total, first.has_more], [count, 4, true])
    assert.equal(first.items[0].type, 'image')
    const last = (await read(`/3rd/conversations/${whatsapp}/messages?limit=4&skip=8`)).json()
    assert.deepEqual([last.count, last.total, last.has_more], [count, 2, false])
    assert.deepEqual(
      last.items.map((m: { content: { text: string } }) => m.content.text),
      ['Sent from my mail app', 'Hi! Is the spa open?'],
    )
  })

  it("maps every type to the vendor's shape", async () => {
    const { items } = (await read(`/3rd/conversations/${whatsapp}/messages?limit=50`)).json()
    const byId = new Map(items.map((m: { public_id: string }) => [m.public_id, m]))
    const item = (i: number) =>
      byId.get(`wa-${i}`) as {
        type: string
        content: Record<string, unknown>
        from: string
        doc_name: string
        organization_id: string
        conversation_id: string
      }
    assert.deepEqual([item(0).type, item(0).content], ['text', { text: 'Hi! Is the spa open?', is_mail: false }])
    assert.deepEqual([item(1).type, item(1).content.is_mail], ['text', true])
    assert.deepEqual([item(2).type, item(2).content.is_mail, item(2).content.text], ['text', true, 'Booking 1234\n\nPlease confirm.'])
    assert.deepEqual(
      [item(3).type, item(3).content.quick_replies],
      [
        'response',
        [
          { title: 'Morning', payload: 'AM' },
          { title: 'Evening', payload: null },
        ],
      ],
    )
    assert.deepEqual([item(4).type, item(4).content.payload], ['quick_reply', 'PM'])
    assert.deepEqual([item(5).type, item(5).content.url, item(5).content.caption], ['image', 'https://cdn.example.com/pool.jpg', 'The pool'])
    assert.deepEqual([item(6).type, item(6).content.name, item(6).content.size], ['file', 'menu.pdf', 2_400_000])
    assert.deepEqual([item(7).type, item(7).content.latitude, item(7).content.longitude], ['location', 46.0101, 8.9601])
    assert.deepEqual([item(8).type, item(8).content.phone], ['contact', '+41 91 123 45 67'])
    assert.deepEqual(
      [item(0).from, item(1).from, item(0).doc_name, item(0).organization_id, item(0).conversation_id],
      ['guest', 'property', 'message', propertyId, whatsapp],
    )
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
      payload: {
        messages: [
          {
            guestIdentifier: { type: 'PHONENUMBER', value: '+41795550101' },
            platform: 'WEBSITE_CHAT',
            direction: 'RECEIVED',
            content: { type: 'text', text: { text: 'Hi' } },
            messageCreatedAt: at(0),
          },
        ],
      },
    })
    const webConversation = web.json()[0].conversationId
    const response = await links(`phone_numbers=%2B41795550101&phone_numbers=0790000000&organization_id=${propertyId}`)
    assert.equal(response.statusCode, 200, response.body)
    const [first, second] = response.json()
    assert.equal(first.phone_number, '+41795550101')
    assert.deepEqual(
      first.conversation_links.map((l: { link: string }) => l.link.replace(/^http:\/\/[^/]+/, '')),
      [`/conversations/${webConversation}`, `/conversations/${whatsapp}`],
    )
    assert.match(
      first.conversation_links[0].link,
      /^http:\/\/127\.0\.0\.1(:\d+)?\/conversations\//,
      "the public base URL (the loopback address), never the request's Host",
    )
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
