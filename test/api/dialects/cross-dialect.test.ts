import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../support/test-app.js'

/**
 * One guest, every dialect: a phone chat (dialect 1), a reservation that makes her profile, a text
 * call naming that profile (dialect 2), a guest-app message from her session (dialect 3), all read
 * back through the third-party reads (dialect 4), dialect 1's reads and the native API.
 */
let t: TestApp
let admin: string
const ids: Record<'chat' | 'textCall' | 'guestApp', { conversationId: string; messageId: string }> = {} as never
let guestId: string

before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
  const post = async (url: string, payload: object) => {
    const response = await t.app.inject({ method: 'POST', url, headers: bearer(admin), payload })
    assert.ok(response.statusCode < 300, `${url}: ${response.body}`)
    return response.json()
  }
  await post('/v1/channel-accounts', { channel: 'web_chat', code: 'jp-web', name: 'Japan website' })

  const [chat] = await post(PUSH_URL, { messages: [pushedMessage({ phone: '079 444 55 66', text: 'Hello from the website chat' })] })
  ids.chat = chat
  const booked = await post('/v1/reservations', {
    confirmationNumber: 'X-1',
    guest: { firstName: 'Mia', lastName: 'Huber', phone: '+41794445566', language: 'de' },
    arrival: '2026-12-24',
    departure: '2026-12-27',
    room: '101',
  })
  guestId = booked.reservation.guestId
  assert.deepEqual(booked.linkedConversationIds, [chat.conversationId])

  const call = (await post('/api/onsite-account/jp-web/text-call', { identifier_type: 'contact_id', identifier: guestId, message: 'Hello from the phone bot' }))
    .data
  ids.textCall = { conversationId: call.conversation_id, messageId: call.message_id }
  const { token } = await post(`/v1/reservations/${booked.reservation.id}/guest-sessions`, {})
  const app = await t.app.inject({
    method: 'POST',
    url: '/API/V40/Interactive/Messages/Conversations',
    payload: { message: 'Hello from the guest app', conversationType: 'guest', sessionToken: token },
  })
  const conversation = app.json().responses[0].createConversationResponse.content.conversation
  ids.guestApp = { conversationId: conversation.code, messageId: conversation.messages[0].code }
  // The AI agent hands the guest over with words of its own, after her message.
  await t.app.aiAgent.idle()
})
after(() => t.close())

describe('one guest through every dialect', () => {
  const TEXTS = { chat: 'Hello from the website chat', textCall: 'Hello from the phone bot', guestApp: 'Hello from the guest app' }

  it("is linked to one guest profile, found by dialect 1's by-user-profile-id", async () => {
    const linked = (
      await t.app.inject({ url: `/api/unified-messaging-service/guest-conversations/by-user-profile-id/${guestId}`, headers: bearer(admin) })
    ).json()
    assert.deepEqual(
      linked.map((c: { conversationId: string }) => c.conversationId).sort(),
      Object.values(ids)
        .map((i) => i.conversationId)
        .sort(),
    )
    assert.ok(linked.every((c: { userProfileId: string }) => c.userProfileId === guestId))
  })

  it('reads every message through dialect 1, dialect 4 and the native API', async () => {
    for (const [key, { conversationId, messageId }] of Object.entries(ids) as [keyof typeof TEXTS, { conversationId: string; messageId: string }][]) {
      const one = (await t.app.inject({ url: `/api/unified-messaging-service/guest-conversations/messages/${messageId}`, headers: bearer(admin) })).json()
      assert.equal(one.content.text.text, TEXTS[key], `dialect 1 ${key}`)
      const third = (await t.app.inject({ url: `/3rd/conversations/${conversationId}/messages`, headers: { 'x-access-token': admin } })).json()
      const thirdOne = third.items.find((m: { _id: string }) => m._id === messageId)
      assert.equal(thirdOne?.content.text, TEXTS[key], `dialect 4 ${key}`)
      const native = (await t.app.inject({ url: `/v1/conversations/${conversationId}/messages`, headers: bearer(admin) })).json()
      const nativeOne = native.items.find((m: { id: string }) => m.id === messageId)
      assert.equal(nativeOne?.content.text, TEXTS[key], `native ${key}`)
    }
  })

  it('shows each conversation once in the native list, named after the profile', async () => {
    const { items } = (await t.app.inject({ url: '/v1/conversations?limit=100', headers: bearer(admin) })).json()
    const mine = items.filter((c: { guest: { id: string } }) => c.guest.id === guestId)
    assert.equal(mine.length, 3)
    assert.equal(new Set(mine.map((c: { id: string }) => c.id)).size, 3)
    assert.deepEqual(mine.map((c: { channel: string }) => c.channel).sort(), ['guest_app', 'web_chat', 'web_chat'])
    assert.ok(mine.every((c: { guest: { name: string } }) => c.guest.name === 'Mia Huber'))
    const searched = (await t.app.inject({ url: '/v1/conversations?q=huber', headers: bearer(admin) })).json().items
    assert.equal(searched.length, 3)
  })

  it('gives the side panel every touchpoint of the guest', async () => {
    const panel = (await t.app.inject({ url: `/v1/conversations/${ids.chat.conversationId}/guest`, headers: bearer(admin) })).json()
    assert.deepEqual(panel.otherConversations.map((c: { id: string }) => c.id).sort(), [ids.textCall.conversationId, ids.guestApp.conversationId].sort())
    assert.equal(panel.reservations[0].room, '101')
  })

  it("finds every conversation of the guest by her phone through dialect 4's links", async () => {
    const propertyId = t.app.store.properties.first()!.id
    const [entry] = (
      await t.app.inject({ url: `/3rd/conversations/links?phone_numbers=%2B41794445566&organization_id=${propertyId}`, headers: { 'x-access-token': admin } })
    ).json()
    const linked = entry.conversation_links.map((l: { link: string }) => l.link.split('/conversations/')[1])
    assert.deepEqual(
      linked.sort(),
      Object.values(ids)
        .map((i) => i.conversationId)
        .sort(),
    )
  })
})
