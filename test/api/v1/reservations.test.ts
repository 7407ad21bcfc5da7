import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../support/test-app.js'

const BY_PROFILE = '/api/unified-messaging-service/guest-conversations/by-user-profile-id'
let t: TestApp
let token: string
before(async () => {
  t = await startTestApp()
  token = t.token()
})
after(() => t.close())

const reservation = (overrides: Record<string, unknown> = {}) => ({
  confirmationNumber: 'CONF-1001',
  guest: { firstName: 'Anna', lastName: 'Muster', phone: '+41793330001', email: 'anna@example.com', language: 'de' },
  arrival: '2026-03-01',
  departure: '2026-03-04',
  room: '204',
  status: 'confirmed',
  ...overrides,
})

const postReservation = (body: object, auth = token) => t.app.inject({ method: 'POST', url: '/v1/reservations', headers: bearer(auth), payload: body })
const push = async (messages: object[]) => (await t.app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(token), payload: { messages } })).json()
const conversation = async (id: string) =>
  (await t.app.inject({ url: `/api/unified-messaging-service/guest-conversations/${id}`, headers: bearer(token) })).json()

describe('POST /v1/reservations', () => {
  it('a reservation made after the guest wrote links their earlier conversations', async () => {
    const [chat] = await push([pushedMessage({ phone: '079 333 00 01' })])
    const [mail] = await push([pushedMessage({ email: 'ANNA@example.com' })])
    assert.equal((await conversation(chat.conversationId)).userProfileId, null)

    const response = await postReservation(reservation())
    assert.equal(response.statusCode, 201)
    const { reservation: stored, linkedConversationIds } = response.json()
    assert.match(stored.guestId, /^gst_/)
    assert.equal(stored.phone, '+41793330001')
    assert.deepEqual(linkedConversationIds.sort(), [chat.conversationId, mail.conversationId].sort())
    assert.equal((await conversation(chat.conversationId)).userProfileId, stored.guestId)

    const linked = (await t.app.inject({ url: `${BY_PROFILE}/${stored.guestId}`, headers: bearer(token) })).json()
    assert.deepEqual(linked.map((c: { conversationId: string }) => c.conversationId).sort(), [chat.conversationId, mail.conversationId].sort())
  })

  it('a guest who writes after their reservation exists is linked at once', async () => {
    const made = (
      await postReservation(reservation({ confirmationNumber: 'CONF-2002', guest: { firstName: 'Li', lastName: 'Wei', phone: '886911425977' } }))
    ).json()
    const [message] = await push([pushedMessage({ phone: '+886 911 425 977', platform: 'PHONE_CALL' })])
    assert.equal((await conversation(message.conversationId)).userProfileId, made.reservation.guestId)
    const linked = (await t.app.inject({ url: `${BY_PROFILE}/${made.reservation.guestId}`, headers: bearer(token) })).json()
    assert.deepEqual(
      linked.map((c: { conversationId: string }) => c.conversationId),
      [message.conversationId],
    )
  })

  it('upserts by confirmation number: a second post updates and keeps the id', async () => {
    const first = (await postReservation(reservation({ confirmationNumber: 'CONF-3003', guest: { email: 'upsert@example.com' } }))).json()
    const second = await postReservation(
      reservation({ confirmationNumber: 'CONF-3003', room: '512', status: 'checked_in', guest: { email: 'upsert@example.com' } }),
    )
    assert.equal(second.statusCode, 200)
    assert.equal(second.json().reservation.id, first.reservation.id)
    assert.equal(second.json().reservation.room, '512')
    assert.equal(second.json().reservation.status, 'checked_in')
    const read = await t.app.inject({ url: `/v1/reservations/${first.reservation.id}`, headers: bearer(token) })
    assert.equal(read.json().room, '512')
  })

  it('finds the existing guest profile by email when the phone is new', async () => {
    const first = (await postReservation(reservation({ confirmationNumber: 'CONF-4004', guest: { email: 'same@example.com' } }))).json()
    const second = (await postReservation(reservation({ confirmationNumber: 'CONF-4005', guest: { email: 'same@example.com', phone: '+41793330044' } }))).json()
    assert.equal(second.reservation.guestId, first.reservation.guestId)
    const [message] = await push([pushedMessage({ phone: '+41793330044' })])
    assert.equal((await conversation(message.conversationId)).userProfileId, first.reservation.guestId)
  })

  it('makes the guest findable by name in the conversation list', async () => {
    await push([pushedMessage({ phone: '+41793330055' })])
    await postReservation(reservation({ confirmationNumber: 'CONF-5005', guest: { firstName: 'Zoë', lastName: 'Kowalczyk', phone: '+41793330055' } }))
    const list = (await t.app.inject({ url: '/v1/conversations?q=kowalczyk', headers: bearer(token) })).json()
    assert.equal(list.items.length, 1)
    assert.equal(list.items[0].guest.name, 'Zoë Kowalczyk')
  })

  it('rejects bad phones, bad emails, bad dates and unknown statuses with problem details', async () => {
    const bad = await postReservation(reservation({ confirmationNumber: 'CONF-BAD', guest: { phone: 'abc', email: 'nope@' } }))
    assert.equal(bad.statusCode, 400)
    assert.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8')
    assert.deepEqual(
      bad.json().errors.map((e: { field: string }) => e.field),
      ['guest.phone', 'guest.email'],
    )
    const dates = await postReservation(reservation({ arrival: '2026-03-05', departure: '2026-03-01' }))
    assert.equal(dates.statusCode, 400)
    assert.equal((await postReservation(reservation({ arrival: 'soon' }))).statusCode, 400)
    assert.equal((await postReservation(reservation({ status: 'maybe' }))).statusCode, 400)
    assert.equal((await postReservation(reservation({ surprise: true }))).statusCode, 400)
    assert.equal(t.app.store.reservations.byConfirmation(t.app.store.properties.first()!.id, 'CONF-BAD'), undefined)
  })

  it('refuses stays before 2000-01-01 and impossible days, naming the field', async () => {
    const fieldsOf = async (body: object) => {
      const response = await postReservation(body)
      assert.equal(response.statusCode, 400, response.body)
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8')
      return response.json().errors.map((e: { field: string; message: string }) => `${e.field} ${e.message}`)
    }
    assert.deepEqual(await fieldsOf(reservation({ confirmationNumber: 'CONF-OLD', arrival: '1999-12-31', departure: '2000-01-02' })), [
      'arrival must not be before 2000-01-01',
    ])
    assert.deepEqual(await fieldsOf(reservation({ confirmationNumber: 'CONF-OLD', arrival: '0001-01-01', departure: '0001-01-02' })), [
      'arrival must not be before 2000-01-01',
      'departure must not be before 2000-01-01',
    ])
    assert.deepEqual(await fieldsOf(reservation({ confirmationNumber: 'CONF-OLD', arrival: '2026-02-30', departure: '2026-03-02' })), [
      'arrival must match format "date"',
    ])
    assert.equal(t.app.store.reservations.byConfirmation(t.app.store.properties.first()!.id, 'CONF-OLD'), undefined)
    const first = await postReservation(reservation({ confirmationNumber: 'CONF-2000', arrival: '2000-01-01', departure: '2000-01-02' }))
    assert.equal(first.statusCode, 201, first.body)
  })

  it('refuses whitespace-only confirmation numbers and guest names; trims them otherwise', async () => {
    const fieldsOf = async (body: object) => {
      const response = await postReservation(body)
      assert.equal(response.statusCode, 400, response.body)
      return response.json().errors.map((e: { field: string; message: string }) => `${e.field} ${e.message}`)
    }
    assert.deepEqual(await fieldsOf(reservation({ confirmationNumber: '   ' })), ['confirmationNumber must not be blank'])
    assert.deepEqual(await fieldsOf(reservation({ confirmationNumber: '' })), ['confirmationNumber must not be blank'])
    const names = await fieldsOf(reservation({ confirmationNumber: 'CONF-BLANK', guest: { firstName: ' ', lastName: '\t\n', email: 'blank@example.com' } }))
    assert.ok(names.includes('guest.firstName must not be blank'), names.join('; '))
    assert.ok(names.includes('guest.lastName must not be blank'), names.join('; '))
    assert.equal(t.app.store.reservations.byConfirmation(t.app.store.properties.first()!.id, 'CONF-BLANK'), undefined)

    const made = await postReservation(
      reservation({ confirmationNumber: '  CONF-7007 ', guest: { firstName: ' Lea ', lastName: 'Keller  ', email: 'lea@example.com' } }),
    )
    assert.equal(made.statusCode, 201, made.body)
    const { reservation: stored } = made.json()
    assert.deepEqual([stored.confirmationNumber, stored.firstName, stored.lastName], ['CONF-7007', 'Lea', 'Keller'])
    // The same booking pushed again without the spaces is the same reservation (upsert by the trimmed number).
    const again = await postReservation(
      reservation({ confirmationNumber: 'CONF-7007', guest: { firstName: 'Lea', lastName: 'Keller', email: 'lea@example.com' } }),
    )
    assert.equal(again.statusCode, 200, again.body)
    assert.equal(again.json().reservation.id, stored.id)
    // No name at all is said with null.
    const nameless = await postReservation(reservation({ confirmationNumber: 'CONF-8008', guest: { firstName: null, lastName: null, email: 'x@example.com' } }))
    assert.equal(nameless.statusCode, 201, nameless.body)
  })

  it('needs the reservation.write scope to write and reservation.read to read', async () => {
    assert.equal((await postReservation(reservation(), t.token(['guest.conversation.write']))).statusCode, 403)
    assert.equal((await t.app.inject({ method: 'POST', url: '/v1/reservations', payload: reservation() })).statusCode, 401)
    const made = (await postReservation(reservation({ confirmationNumber: 'CONF-6006' }))).json()
    const read = await t.app.inject({ url: `/v1/reservations/${made.reservation.id}`, headers: bearer(t.token(['guest.conversation.read'])) })
    assert.equal(read.statusCode, 403)
    assert.equal((await t.app.inject({ url: '/v1/reservations/res_nope', headers: bearer(token) })).statusCode, 404)
  })
})
