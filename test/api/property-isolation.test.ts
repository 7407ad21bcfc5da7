import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../support/test-app.js'

// Two properties on one desk, each with an integrator whose token is bound to it: what one
// pushes or uploads is never the other's, whatever ids or keys the other presents.
let t: TestApp
let propertyA: string
let propertyB: string
let tokenA: string
let tokenB: string
let unbound: string
before(async () => {
  t = await startTestApp()
  unbound = t.token(['admin'])
  propertyA = t.app.store.properties.first()!.id
  propertyB = (
    await t.app.inject({ method: 'POST', url: '/v1/properties', headers: bearer(unbound), payload: { name: 'Hotel B', defaultCountry: 'CH' } })
  ).json().id
  tokenA = t.token(undefined, propertyA)
  tokenB = t.token(undefined, propertyB)
})
after(() => t.close())

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString()
const pushUnified = (token: string, messages: object[]) => t.app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(token), payload: { messages } })
const pushNative = (token: string, messages: object[]) => t.app.inject({ method: 'POST', url: '/v1/messages', headers: bearer(token), payload: { messages } })
const nativeMessage = (externalId: string, text: string, createdAt = at(10), phone = '+41795550901') => ({
  channel: 'whatsapp',
  guest: { phone },
  direction: 'in',
  content: { type: 'text', text },
  createdAt,
  externalId,
})

describe('externalId is unique per property', () => {
  it("unified messaging: another property's push with the same externalId is a new message of its own", async () => {
    const a = await pushUnified(tokenA, [pushedMessage({ phone: '+41795550801', externalId: 'chat-1', text: 'A asks' })])
    const b = await pushUnified(tokenB, [pushedMessage({ phone: '+41795550801', externalId: 'chat-1', text: 'B asks' })])
    assert.equal(a.statusCode, 201)
    assert.equal(b.statusCode, 201)
    const [fromA] = a.json()
    const [fromB] = b.json()
    assert.notEqual(fromB.messageId, fromA.messageId)
    assert.notEqual(fromB.conversationId, fromA.conversationId)
    assert.equal(fromB.content.text.text, 'B asks')
    // Each property's own retry answers its own message; B never learns A's ids.
    assert.equal((await pushUnified(tokenB, [pushedMessage({ phone: '+41795550801', externalId: 'chat-1' })])).json()[0].messageId, fromB.messageId)
    assert.equal((await pushUnified(tokenA, [pushedMessage({ phone: '+41795550801', externalId: 'chat-1' })])).json()[0].messageId, fromA.messageId)
    assert.equal(t.app.store.conversations.get(fromB.conversationId)!.propertyId, propertyB)
    const readByB = await t.app.inject({ url: `/api/unified-messaging-service/guest-conversations/messages/${fromA.messageId}`, headers: bearer(tokenB) })
    assert.equal(readByB.statusCode, 404)
  })

  it('native push: the same, and the retry says created: false only within the property', async () => {
    const a = (await pushNative(tokenA, [nativeMessage('wa-77', 'from A')])).json().items[0]
    const b = (await pushNative(tokenB, [nativeMessage('wa-77', 'from B')])).json().items[0]
    assert.equal(a.created, true)
    assert.equal(b.created, true)
    assert.notEqual(b.messageId, a.messageId)
    const retryB = (await pushNative(tokenB, [nativeMessage('wa-77', 'from B')])).json().items[0]
    assert.deepEqual(retryB, { conversationId: b.conversationId, messageId: b.messageId, created: false })
  })
})

describe('an idempotent retry answers with what was stored first', () => {
  it("unified messaging: the 201 echoes the stored content and time, not the retry's body", async () => {
    const first = await pushUnified(tokenA, [pushedMessage({ phone: '+41795550802', externalId: 'ivr-9', text: 'Original words', at: at(30) })])
    const retry = await pushUnified(tokenA, [
      { ...pushedMessage({ phone: '+41795550802', externalId: 'ivr-9', text: 'Changed words', at: at(5) }), direction: 'SENT' },
    ])
    assert.equal(retry.statusCode, 201)
    assert.deepEqual(retry.json(), first.json())
    assert.equal(retry.json()[0].content.text.text, 'Original words')
    assert.equal(retry.json()[0].direction, 'RECEIVED')
  })

  it('native push: the retry names the stored message and stores nothing', async () => {
    const first = (await pushNative(tokenA, [nativeMessage('wa-retry', 'Original', at(40), '+41795550803')])).json().items[0]
    const retry = (await pushNative(tokenA, [nativeMessage('wa-retry', 'Changed', at(2), '+41795550803')])).json().items[0]
    assert.deepEqual(retry, { ...first, created: false })
    const stored = t.app.store.messages.get(first.messageId)!
    assert.deepEqual(stored.content, { type: 'text', text: 'Original' })
    assert.equal(t.app.store.messages.count(first.conversationId), 1)
  })
})

describe('attachments belong to their property and conversation', () => {
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const upload = async (token: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/attachments?name=room.png',
      headers: { ...bearer(token), 'content-type': 'image/png' },
      payload: PNG,
    })
    assert.equal(response.statusCode, 201, response.body)
    return response.json() as { id: string; url: string }
  }
  const download = (token: string, url: string) => t.app.inject({ url, headers: bearer(token) })
  const image = (url: string, phone: string) => ({ channel: 'whatsapp', guest: { phone }, direction: 'in', content: { type: 'image', url }, createdAt: at(1) })

  it("another property's token gets 404 on download; its own property and unbound credentials get the file", async () => {
    const file = await upload(tokenA)
    assert.equal((await download(tokenA, file.url)).statusCode, 200)
    assert.equal((await download(unbound, file.url)).statusCode, 200)
    const other = await download(tokenB, file.url)
    assert.equal(other.statusCode, 404)
    assert.equal(other.headers['content-type'], 'application/problem+json; charset=utf-8')
  })

  it('a message may show only a file of its own property (400 otherwise, nothing stored)', async () => {
    const file = await upload(tokenA)
    const refused = await pushNative(tokenB, [image(file.url, '+41795550804')])
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /attachment of this property/)
    assert.equal((await download(tokenB, file.url)).statusCode, 404)
    assert.equal((await pushNative(tokenA, [image(file.url, '+41795550804')])).statusCode, 201)
  })

  it('a file uploaded by a credential bound to no property belongs to the first conversation that shows it', async () => {
    const file = await upload(unbound)
    // Not yet any property's: a bound token does not find it.
    assert.equal((await download(tokenB, file.url)).statusCode, 404)
    const used = await pushNative(tokenB, [image(file.url, '+41795550805')])
    assert.equal(used.statusCode, 201, used.body)
    const conversationId = used.json().items[0].conversationId
    assert.equal((await download(tokenB, file.url)).statusCode, 200)
    assert.equal((await download(tokenA, file.url)).statusCode, 404)
    // The same conversation may show it again; another conversation, even of the same property, may not.
    assert.equal((await pushNative(tokenB, [image(file.url, '+41795550805')])).statusCode, 201)
    const elsewhere = await pushNative(tokenB, [image(file.url, '+41795550806')])
    assert.equal(elsewhere.statusCode, 400)
    assert.match(elsewhere.body, /another conversation/)
    // A staff reply in another property's conversation cannot show it either.
    const conversationA = (await pushNative(tokenA, [nativeMessage('wa-a-1', 'hello', at(1), '+41795550807')])).json().items[0].conversationId
    const reply = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${conversationA}/messages`,
      headers: bearer(unbound),
      payload: { content: { type: 'image', url: file.url } },
    })
    assert.equal(reply.statusCode, 400)
    const own = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${conversationId}/messages`,
      headers: bearer(unbound),
      payload: { content: { type: 'image', url: file.url } },
    })
    assert.equal(own.statusCode, 201, own.body)
  })

  it('an unknown attachment id in a message is a 400, not a dangling image', async () => {
    const refused = await pushNative(tokenA, [image('/v1/attachments/att_01HZZZZZZZZZZZZZZZZZZZZZZZ', '+41795550808')])
    assert.equal(refused.statusCode, 400)
  })
})

describe("leads convert only on their own property's bookings", () => {
  it("a booking at property A leaves property B's lead of the same guest open; B's own booking converts it", async () => {
    const email = 'two.hotels@example.com'
    const pushed = await pushNative(tokenB, [
      { channel: 'email', guest: { email }, direction: 'in', content: { type: 'text', text: 'Rooms in May?' }, createdAt: at(30) },
    ])
    const conversationId = pushed.json().items[0].conversationId as string
    const lead = await t.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/lead`, headers: bearer(tokenB) })
    assert.ok(lead.statusCode < 300, lead.body)
    const leadId = lead.json().id as string
    const book = (token: string, confirmationNumber: string) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/reservations',
        headers: bearer(token),
        payload: { confirmationNumber, guest: { firstName: 'Two', lastName: 'Hotels', email }, arrival: '2030-05-01', departure: '2030-05-03' },
      })
    assert.equal((await book(tokenA, 'A-BOOKING')).statusCode < 300, true)
    const afterA = t.app.store.leads.get(leadId)!
    assert.deepEqual([afterA.status, afterA.reservationId], ['new', null], "A's booking is not B's conversion, and its id stays A's")
    const atB = await book(tokenB, 'B-BOOKING')
    assert.deepEqual([t.app.store.leads.get(leadId)!.status, t.app.store.leads.get(leadId)!.reservationId], ['converted', atB.json().reservation.id])
  })
})

describe("statistics are the token's property's own", () => {
  it("a property-bound token gets its property's figures, and the progress of counting only when its own property is being counted", async () => {
    const today = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() }
    const stats = (token: string, query: Record<string, string> = {}) =>
      t.app.inject({ url: `/v1/stats?${new URLSearchParams({ ...today, ...query })}`, headers: bearer(token) })
    const active = (body: { metrics: { key: string; value: number | null }[] }) => body.metrics.find((m) => m.key === 'activeConversations')?.value
    await pushNative(tokenA, [nativeMessage('stats-a1', 'A guest writes', at(3), '+41795550811')])
    await pushNative(tokenB, [nativeMessage('stats-b1', 'B guest writes', at(3), '+41795550812')])
    await pushNative(tokenB, [nativeMessage('stats-b2', 'another B guest', at(2), '+41795550813')])

    const aAlone = (await stats(tokenA)).json()
    const everything = (await stats(unbound)).json()
    assert.equal(aAlone.preparing, undefined)
    assert.ok(active(aAlone)! < active(everything)!, "A's figures leave B's conversations out")
    // A token asking for another property's figures still gets its own.
    assert.deepEqual((await stats(tokenA, { propertyId: propertyB })).json().metrics, aAlone.metrics)

    // B's days are counted again after its time zone changes: B's token sees the progress, A's does not.
    const moved = await t.app.inject({ method: 'PATCH', url: `/v1/properties/${propertyB}`, headers: bearer(unbound), payload: { timeZone: 'Asia/Tokyo' } })
    assert.equal(moved.statusCode, 200)
    const aDuring = (await stats(tokenA)).json()
    assert.equal(aDuring.preparing, undefined)
    assert.deepEqual(aDuring.metrics, aAlone.metrics)
    const bDuring = (await stats(tokenB)).json()
    const bConversations = (await t.app.inject({ url: '/v1/conversations?limit=100', headers: bearer(tokenB) })).json().items.length
    assert.deepEqual(bDuring.preparing, { done: 0, total: bConversations })
    assert.ok(
      bDuring.metrics.every((metric: { value: number | null }) => metric.value === null),
      'no figures of B while they are counted',
    )
  })
})
