import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../support/test-app.js'

// "Mark as unread": staff put a read conversation back among the unread to come back to it; the
// list and its counts can show the unread ones only.
const HOUR = 3_600_000
let t: TestApp
let admin: string
let propertyB: string
let tokenB: string

const api = (method: 'GET' | 'POST', url: string, token = admin) => t.app.inject({ method, url, headers: bearer(token) })
const guestWrites = async (phone: string, token = admin) => {
  // An hour old: the AI agent leaves it alone.
  const at = new Date(Date.now() - HOUR).toISOString()
  const response = await t.app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(token), payload: { messages: [pushedMessage({ phone, at })] } })
  assert.equal(response.statusCode, 201, response.body)
  return response.json()[0].conversationId as string
}
const unreadCount = async (id: string) => (await api('GET', `/v1/conversations/${id}`)).json().unreadCount as number
const unreadIds = async (query = '', token = admin) =>
  ((await api('GET', `/v1/conversations?unread=true&limit=100${query}`, token)).json().items as { id: string }[]).map((item) => item.id)

before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
  propertyB = (await t.app.inject({ method: 'POST', url: '/v1/properties', headers: bearer(admin), payload: { name: 'Hotel B', defaultCountry: 'CH' } })).json()
    .id as string
  tokenB = t.token(undefined, propertyB)
})
after(() => t.close())

describe('marking a conversation unread', () => {
  it('gives a read conversation one unread message again; an unread one keeps its count', async () => {
    const id = await guestWrites('+41795553001')
    await guestWrites('+41795553001')
    assert.equal(await unreadCount(id), 2)
    assert.equal((await api('POST', `/v1/conversations/${id}/unread`)).statusCode, 204)
    assert.equal(await unreadCount(id), 2, 'already unread: its count stays')
    assert.equal((await api('POST', `/v1/conversations/${id}/read`)).statusCode, 204)
    assert.equal(await unreadCount(id), 0)
    assert.equal((await api('POST', `/v1/conversations/${id}/unread`)).statusCode, 204)
    assert.equal(await unreadCount(id), 1)
  })

  it('tells the inbox live (conversation.updated)', async () => {
    const id = await guestWrites('+41795553002')
    await api('POST', `/v1/conversations/${id}/read`)
    const seen: string[] = []
    const stop = t.app.events.subscribe((event) => {
      if ('conversationId' in event && event.conversationId === id) seen.push(event.type)
    })
    try {
      await api('POST', `/v1/conversations/${id}/unread`)
      assert.deepEqual(seen, ['conversation.updated'])
    } finally {
      stop()
    }
  })

  it('needs guest.conversation.write, and sees only what the token may see', async () => {
    const id = await guestWrites('+41795553003')
    await api('POST', `/v1/conversations/${id}/read`)
    assert.equal((await api('POST', `/v1/conversations/${id}/unread`, t.token(['guest.conversation.read']))).statusCode, 403)
    assert.equal((await api('POST', `/v1/conversations/${id}/unread`, tokenB)).statusCode, 404, "another property's token")
    assert.equal((await api('POST', '/v1/conversations/conv_nothing/unread')).statusCode, 404)
    assert.equal((await t.app.inject({ method: 'POST', url: `/v1/conversations/${id}/unread` })).statusCode, 401)
    assert.equal(await unreadCount(id), 0, 'nothing refused changed it')
  })
})

describe('the unread-only filter', () => {
  it('lists and counts only the conversations with unread messages, in every view', async () => {
    const unread = await guestWrites('+41795553010')
    const read = await guestWrites('+41795553011')
    await api('POST', `/v1/conversations/${read}/read`)
    const listed = await unreadIds()
    assert.ok(listed.includes(unread))
    assert.ok(!listed.includes(read))
    const [all, onlyUnread] = await Promise.all([
      api('GET', '/v1/conversations/counts').then((response) => response.json()),
      api('GET', '/v1/conversations/counts?unread=true').then((response) => response.json()),
    ])
    const expected = t.db.prepare('SELECT count(*) AS n FROM conversations WHERE unread_count > 0').get() as { n: number }
    assert.equal(onlyUnread.all, expected.n)
    assert.ok(onlyUnread.all < all.all)
    assert.ok((await unreadIds('&view=needs_reply')).includes(unread))
    assert.ok(!(await unreadIds('&view=needs_reply')).includes(read))
    // Marked unread, the read one is listed again.
    await api('POST', `/v1/conversations/${read}/unread`)
    assert.ok((await unreadIds()).includes(read))
  })

  it("keeps to the token's property", async () => {
    const ofB = await guestWrites('+41795553020', tokenB)
    const ofA = await guestWrites('+41795553021')
    assert.deepEqual(await unreadIds('', tokenB), [ofB])
    assert.ok((await unreadIds()).includes(ofA))
  })

  it('refuses a value that is not a boolean with 400', async () => {
    const response = await api('GET', '/v1/conversations?unread=maybe')
    assert.equal(response.statusCode, 400)
    assert.match(response.body, /unread/)
    assert.equal((await api('GET', '/v1/conversations/counts?unread=maybe')).statusCode, 400)
  })
})
