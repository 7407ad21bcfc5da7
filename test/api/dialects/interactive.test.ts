import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

const URL = '/API/V40/Interactive/Messages/Conversations'
let t: TestApp
let admin: string
let reservationId: string
let guestId: string
let sessionToken: string
let outlets: Record<string, string>

const post = (payload: object) => t.app.inject({ method: 'POST', url: URL, payload })
// A vendor body, read field by field.
type Body = { responses: { createConversationResponse: { content: { conversation: Record<string, any> } } }[] }
const conversationOf = (body: Body) => body.responses[0]!.createConversationResponse.content.conversation

before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
  const create = async (url: string, payload: object) => {
    const response = await t.app.inject({ method: 'POST', url, headers: bearer(admin), payload })
    assert.ok(response.statusCode < 300, response.body)
    return response.json()
  }
  // The property's own Front desk outlet, recoded as this hotel's guest app names it.
  const [frontDesk] = (await t.app.inject({ url: '/v1/outlets', headers: bearer(admin) })).json()
  const recoded = await t.app.inject({ method: 'PATCH', url: `/v1/outlets/${frontDesk.id}`, headers: bearer(admin), payload: { code: 'FD' } })
  assert.equal(recoded.statusCode, 200, recoded.body)
  outlets = {
    FD: frontDesk.id,
    RS: (await create('/v1/outlets', { code: 'RS', name: 'Restaurant' })).id,
    SPA: (await create('/v1/outlets', { code: 'SPA', name: 'Spa', available: false })).id,
  }
  const booked = await create('/v1/reservations', {
    confirmationNumber: 'GA-100',
    guest: { firstName: 'Elena', lastName: 'Rossi', email: 'elena@example.it', language: 'it' },
    arrival: '2026-12-01',
    departure: '2026-12-05',
    room: '412',
  })
  reservationId = booked.reservation.id
  guestId = booked.reservation.guestId
  sessionToken = (await create(`/v1/reservations/${reservationId}/guest-sessions`, {})).token
})
after(() => t.close())

describe('POST /v1/reservations/:id/guest-sessions', () => {
  it('issues a session token for a reservation, with reservation.write', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/v1/reservations/${reservationId}/guest-sessions`,
      headers: bearer(t.token(['reservation.write'])),
    })
    assert.equal(response.statusCode, 201)
    assert.match(response.json().token, /^gs_/)
    assert.ok(Date.parse(response.json().expiresAt) > Date.now())
  })

  it('answers an unknown reservation with 404 and a token without the scope with 403', async () => {
    assert.equal((await t.app.inject({ method: 'POST', url: '/v1/reservations/res_nope/guest-sessions', headers: bearer(admin) })).statusCode, 404)
    assert.equal(
      (await t.app.inject({ method: 'POST', url: `/v1/reservations/${reservationId}/guest-sessions`, headers: bearer(t.token(['guest.conversation.write'])) }))
        .statusCode,
      403,
    )
  })
})

describe('POST /API/V40/Interactive/Messages/Conversations', () => {
  let frontDesk: string

  it("opens a conversation with the first available outlet, carrying the guest's name, language and room", async () => {
    const response = await post({ message: 'Could I get extra towels?', conversationType: 'guest', outletCode: '', sessionToken })
    assert.equal(response.statusCode, 200, response.body)
    const body = response.json()
    assert.equal(body.status, 'Success')
    assert.equal(body.responsesIncluded, 'createConversationResponse')
    assert.equal(body.sessionToken, sessionToken)
    assert.equal(body.responses[0].createConversationResponse.succeeded, true)
    const conversation = conversationOf(body)
    frontDesk = conversation.code
    assert.match(conversation.code, /^conv_/)
    assert.deepEqual(
      [
        conversation.outletCode,
        conversation.outletName,
        conversation.roomNumber,
        conversation.guestFirstName,
        conversation.guestLastName,
        conversation.guestLanguageCode,
      ],
      ['FD', 'Front desk', '412', 'Elena', 'Rossi', 'it'],
    )
    assert.equal(conversation.conversationStatus, 'Open')
    assert.equal(conversation.conversationType, 'guest')
    const [message] = conversation.messages
    assert.equal(message.content, 'Could I get extra towels?')
    assert.equal(message.firstName, 'Elena')
    assert.equal(message.serviceCenterName, 'Front desk')
    assert.equal(message.messageType, 'Text')
    assert.equal(message.conversationId, conversation.code)

    const native = (await t.app.inject({ url: `/v1/conversations/${conversation.code}`, headers: bearer(admin) })).json()
    assert.equal(native.channel, 'guest_app')
    assert.equal(native.guest.id, guestId)
    assert.equal(native.guest.name, 'Elena Rossi')
    assert.deepEqual(native.source.outlet, { id: outlets.FD, code: 'FD', name: 'Front desk' })
    const messages = (await t.app.inject({ url: `/v1/conversations/${conversation.code}/messages`, headers: bearer(admin) })).json().items
    assert.equal(messages[0].direction, 'in')
  })

  it('continues the same thread for the same outlet, and opens another per outlet and order', async () => {
    await t.app.aiAgent.idle()
    const again = conversationOf((await post({ message: 'And a bathrobe', conversationType: 'guest', sessionToken })).json())
    assert.equal(again.code, frontDesk)
    // Both of the guest's messages, in one thread (the AI agent's handover words came between them).
    assert.deepEqual(
      again.messages.filter((m: { firstName: string | null }) => m.firstName === 'Elena').map((m: { content: string }) => m.content),
      ['Could I get extra towels?', 'And a bathrobe'],
    )
    const dinner = conversationOf(
      (await post({ message: 'Table for two at 8?', conversationType: 'guest', outletCode: 'RS', orderCode: 'ORD-9', sessionToken })).json(),
    )
    assert.notEqual(dinner.code, frontDesk)
    assert.deepEqual([dinner.outletCode, dinner.orderCode, dinner.subject], ['RS', 'ORD-9', 'Restaurant · ORD-9'])
  })

  it('with conversationType "" makes the property the message\'s creator', async () => {
    const conversation = conversationOf((await post({ message: 'Welcome to the hotel, Elena!', conversationType: '', outletCode: 'RS', sessionToken })).json())
    const messages = (await t.app.inject({ url: `/v1/conversations/${conversation.code}/messages`, headers: bearer(admin) })).json().items
    assert.equal(messages[0].direction, 'out')
    assert.equal(conversation.messages.at(-1).firstName, 'Restaurant')
  })

  it('shows the outlet as the department in the inbox, which filters by it', async () => {
    const list = (await t.app.inject({ url: `/v1/conversations?outletId=${outlets.RS}`, headers: bearer(admin) })).json().items
    assert.ok(list.length >= 1)
    assert.ok(list.every((c: { source: { outlet: { code: string } } }) => c.source.outlet.code === 'RS'))
    const outletList = (await t.app.inject({ url: '/v1/outlets', headers: bearer(admin) })).json()
    assert.deepEqual(
      outletList.map((o: { code: string }) => o.code),
      ['FD', 'RS', 'SPA'],
    )
  })

  it('refuses an unknown or unavailable outlet with the Error container', async () => {
    for (const outletCode of ['SPA', 'NOPE']) {
      const response = await post({ message: 'Massage?', conversationType: 'guest', outletCode, sessionToken })
      assert.equal(response.statusCode, 400)
      assert.equal(response.json().status, 'Error')
      assert.equal(response.json().responses[0].createConversationResponse.succeeded, false)
    }
  })

  it('answers a missing, unknown or API token with 401 and status "Error"', async () => {
    for (const payload of [
      { message: 'Hi', sessionToken: 'gs_forged' },
      { message: 'Hi', sessionToken: t.token(['admin']) },
    ]) {
      const response = await post(payload)
      assert.equal(response.statusCode, 401)
      assert.equal(response.json().status, 'Error')
    }
    const missing = await post({ message: 'Hi' })
    assert.equal(missing.statusCode, 400)
    assert.equal(missing.json().status, 'Error')
  })

  it('answers bad bodies with 400 and the Error container, storing nothing', async () => {
    await t.app.aiAgent.idle()
    const before = (t.db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n
    for (const payload of [
      { message: '', sessionToken },
      { message: 'x'.repeat(5001), sessionToken },
      { message: 'x', conversationType: 'staff', sessionToken },
    ]) {
      const response = await post(payload)
      assert.equal(response.statusCode, 400, JSON.stringify(payload))
      assert.equal(response.json().status, 'Error')
    }
    for (const message of ['   ', '\n\t\u00a0']) {
      const response = await post({ message, sessionToken })
      assert.equal(response.statusCode, 400, JSON.stringify(message))
      assert.equal(response.json().status, 'Error')
      assert.deepEqual(response.json().responses[0].createConversationResponse.errors, [{ field: 'message', message: 'must not be blank' }])
    }
    assert.equal((t.db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n, before)
  })
})
