import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../../support/test-app.js'

const BASE = '/api/unified-messaging-service/guest-conversations'
let t: TestApp
let token: string
let conversationId: string
let messageIds: string[]

before(async () => {
  t = await startTestApp()
  token = t.token()
  const messages = Array.from({ length: 45 }, (_, i) =>
    pushedMessage({
      phone: '+41792220001',
      text: `message ${i}`,
      at: new Date(Date.UTC(2026, 1, 10, 10, i)).toISOString(),
      direction: i % 3 ? 'RECEIVED' : 'SENT',
    }),
  )
  const pushed = (await t.app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(token), payload: { messages } })).json()
  conversationId = pushed[0].conversationId
  messageIds = pushed.map((m: { messageId: string }) => m.messageId)
})
after(() => t.close())

const get = (url: string, auth = token) => t.app.inject({ url, headers: bearer(auth) })

describe('unified-messaging reads', () => {
  it('GET /guest-conversations/{id} returns the conversation with its guest identifier and no profile yet', async () => {
    const response = await get(`${BASE}/${conversationId}`)
    assert.equal(response.statusCode, 200)
    assert.deepEqual(response.json(), {
      conversationId,
      guestIdentifier: { type: 'PHONENUMBER', value: '+41792220001' },
      userProfileId: null,
      communicationChannel: 'WEBSITE_CHAT',
      createdAt: '2026-02-10T10:00:00.000Z',
      lastMessageAt: '2026-02-10T10:44:00.000Z',
    })
  })

  it('GET /guest-conversations/{id}/messages pages oldest first with Spring-style totals', async () => {
    const first = (await get(`${BASE}/${conversationId}/messages`)).json()
    assert.equal(first.page, 0)
    assert.equal(first.size, 20)
    assert.equal(first.totalElements, 45)
    assert.equal(first.totalPages, 3)
    assert.equal(first.content.length, 20)
    assert.equal(first.content[0].content.text.text, 'message 0')
    assert.equal(first.content[0].direction, 'SENT')
    assert.equal(first.content[1].direction, 'RECEIVED')
    const last = (await get(`${BASE}/${conversationId}/messages?page=2&size=20`)).json()
    assert.deepEqual(
      last.content.map((m: { content: { text: { text: string } } }) => m.content.text.text),
      ['message 40', 'message 41', 'message 42', 'message 43', 'message 44'],
    )
    const beyond = (await get(`${BASE}/${conversationId}/messages?page=9`)).json()
    assert.deepEqual(beyond.content, [])
  })

  it('rejects a page size over 100 and a negative page with 400', async () => {
    assert.equal((await get(`${BASE}/${conversationId}/messages?size=101`)).statusCode, 400)
    assert.equal((await get(`${BASE}/${conversationId}/messages?page=-1`)).statusCode, 400)
    assert.equal((await get(`${BASE}/${conversationId}/messages?page=abc`)).statusCode, 400)
  })

  it('GET /guest-conversations/messages/{id} returns one message', async () => {
    const response = await get(`${BASE}/messages/${messageIds[4]}`)
    assert.equal(response.statusCode, 200)
    assert.equal(response.json().messageId, messageIds[4])
    assert.equal(response.json().conversationId, conversationId)
    assert.equal(response.json().content.text.text, 'message 4')
  })

  it('unknown ids get 404 with a message', async () => {
    for (const url of [`${BASE}/conv_nope`, `${BASE}/conv_nope/messages`, `${BASE}/messages/msg_nope`, `${BASE}/by-user-profile-id/gst_nope`]) {
      const response = await get(url)
      assert.equal(response.statusCode, 404, url)
      assert.match(response.json().message, /no .* has the id/)
    }
  })

  it('reads need the read scope', async () => {
    assert.equal((await t.app.inject({ url: `${BASE}/${conversationId}` })).statusCode, 401)
    assert.equal((await get(`${BASE}/${conversationId}`, t.token(['guest.conversation.write']))).statusCode, 403)
    assert.equal((await get(`${BASE}/${conversationId}`, t.token(['admin']))).statusCode, 200)
  })
})
