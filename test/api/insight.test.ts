import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, startTestApp, type TestApp } from '../support/test-app.js'

let t: TestApp
let admin: string

const guestWrites = async (phone: string, texts: string[], at = Date.now()) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/v1/messages',
    headers: bearer(admin),
    payload: {
      messages: texts.map((text, i) => ({
        channel: 'whatsapp',
        guest: { phone },
        direction: 'in',
        content: { type: 'text', text },
        createdAt: new Date(at - 3 * 3600_000 + i * 1000).toISOString(),
      })),
    },
  })
  assert.equal(response.statusCode, 201, response.body)
  await t.app.insight.idle()
  return response.json().items[0].conversationId as string
}
const conversation = async (id: string) => (await t.app.inject({ url: `/v1/conversations/${id}`, headers: bearer(admin) })).json()

before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
})
after(() => t.close())

describe('guest insight', () => {
  it("reads dates, persona, intent and type from the guest's messages, with the evidence", async () => {
    const id = await guestWrites(
      '+41795560001',
      ['Hello! We are two adults with two kids.', 'Could we book a family room from 3 to 5 March?'],
      Date.parse('2026-11-29T12:00:00Z'),
    )
    const found = await conversation(id)
    assert.equal(found.type, 'booking')
    assert.equal(found.persona, 'family')
    assert.match(found.insight.persona.evidence, /kids|family room/)
    assert.deepEqual(found.insight.intent, { level: 'high', reason: 'wants to book and names dates', code: 'bookWithDates' })
    assert.deepEqual(
      found.insight.dates.map((d: { start: string; end: string }) => [d.start, d.end]),
      [['2027-03-03', '2027-03-05']],
    )
  })

  it('keeps contact data the guest writes as a suggestion: no profile, no identity, no name, and a reservation with it does not link', async () => {
    const id = await guestWrites('+41795560002', ['Hi, my name is Lena Graf, my email is Lena.Graf@Example.ch'])
    const found = await conversation(id)
    assert.deepEqual(found.insight.captured, { emails: ['lena.graf@example.ch'], phones: [], name: 'Lena Graf' })
    assert.equal(found.guest.id, null, 'what the guest wrote makes no profile')
    assert.equal(found.guest.name, null, "a name the guest writes is a claim, not the profile's name")
    assert.equal(found.type, 'lead', 'a guest who writes down how to reach them is a captured lead')
    const identity = t.db.prepare("SELECT 1 FROM guest_identities WHERE kind = 'email' AND value = 'lena.graf@example.ch'").get()
    assert.equal(identity, undefined, 'the address is no identity')
    const suggestions = (await t.app.inject({ url: `/v1/conversations/${id}/suggestions`, headers: bearer(admin) })).json()
    assert.deepEqual(
      suggestions.map((s: { kind: string; value: string; status: string; matchedGuest: unknown }) => [s.kind, s.value, s.status, s.matchedGuest]),
      [['email', 'lena.graf@example.ch', 'new', null]],
    )
    const booked = await t.app.inject({
      method: 'POST',
      url: '/v1/reservations',
      headers: bearer(admin),
      payload: { confirmationNumber: 'LG-1', guest: { email: 'lena.graf@example.ch' }, arrival: '2030-01-01', departure: '2030-01-03' },
    })
    assert.equal(booked.statusCode, 201, booked.body)
    assert.equal((await conversation(id)).guest.id, null, 'the reservation does not find the conversation through what the guest wrote')
    const panel = (await t.app.inject({ url: `/v1/conversations/${id}/guest`, headers: bearer(admin) })).json()
    assert.deepEqual(panel.reservations, [])
    const [after] = (await t.app.inject({ url: `/v1/conversations/${id}/suggestions`, headers: bearer(admin) })).json()
    assert.equal(after.matchedGuest.id, booked.json().reservation.guestId, 'staff now see whose address it is')
    assert.deepEqual(after.matchedGuest.confirmationNumbers, ['LG-1'])
  })

  it('does not join a conversation to the profile that owns a number the guest writes', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/v1/reservations',
      headers: bearer(admin),
      payload: {
        confirmationNumber: 'MH-1',
        guest: { firstName: 'Mia', lastName: 'Huber', phone: '+41795560099' },
        arrival: '2030-02-01',
        departure: '2030-02-03',
      },
    })
    const id = await guestWrites('+41795560003', ['This is my other phone, my main number is 079 556 00 99'])
    const found = await conversation(id)
    assert.equal(found.guest.name, null)
    assert.equal(found.guest.id, null)
    const [suggestion] = (await t.app.inject({ url: `/v1/conversations/${id}/suggestions`, headers: bearer(admin) })).json()
    assert.equal(suggestion.value, '+41795560099')
    assert.equal(suggestion.matchedGuest.name, 'Mia Huber')
  })

  it('types conversations by what they contain, and the list filters by type', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/v1/knowledge',
      headers: bearer(admin),
      payload: { question: 'Is there parking?', answer: 'Yes, 40 spaces.', tags: 'car garage parking' },
    })
    const faq = await guestWrites('+41795560004', ['Is there parking for my car?'], Date.now() + 3 * 3600_000)
    await t.app.aiAgent.idle()
    await t.app.insight.idle()
    assert.equal((await conversation(faq)).type, 'faq')
    await t.app.inject({ method: 'POST', url: `/v1/conversations/${faq}/lead`, headers: bearer(admin) })
    await t.app.insight.idle()
    assert.equal((await conversation(faq)).type, 'mixed')
    const list = (await t.app.inject({ url: '/v1/conversations?type=booking', headers: bearer(admin) })).json().items
    assert.ok(list.length >= 1 && list.every((c: { type: string }) => c.type === 'booking'))
    assert.equal((await t.app.inject({ url: '/v1/conversations?type=spam', headers: bearer(admin) })).statusCode, 400)
  })
})
