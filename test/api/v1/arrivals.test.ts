import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { localDay } from '../../../local-api/routes/v1/arrivals.js'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

// 23:30 in Zurich on 9 March is already 10 March there (and still 9 March in UTC until 23:00 UTC).
const NOW = Date.parse('2026-03-09T23:30:00Z')
let t: TestApp
let token: string

const book = (number: string, guest: object, arrival: string, status = 'confirmed') =>
  t.app.inject({
    method: 'POST',
    url: '/v1/reservations',
    headers: bearer(token),
    payload: { confirmationNumber: number, guest, arrival, departure: '2026-03-20', status },
  })
/** A message of an hour ago (history the AI agent leaves alone), or of `at`. */
const say = (phone: string, text: string, direction: 'in' | 'out' = 'in', at = NOW - 3600_000) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/messages',
    headers: bearer(token),
    payload: { messages: [{ channel: 'whatsapp', guest: { phone }, direction, content: { type: 'text', text }, createdAt: new Date(at).toISOString() }] },
  })

before(async () => {
  t = await startTestApp({ clock: () => NOW })
  token = t.token(['admin'])
  const property = t.app.store.properties.first()!
  await t.app.inject({ method: 'PATCH', url: `/v1/properties/${property.id}`, headers: bearer(token), payload: { timeZone: 'Europe/Zurich' } })
  await book('A-1', { firstName: 'Quiet', lastName: 'Arrival', phone: '+41795590001' }, '2026-03-10')
  await book('A-2', { firstName: 'Asking', lastName: 'Guest', phone: '+41795590002' }, '2026-03-10')
  await book('A-3', { firstName: 'Cancelled', lastName: 'Guest', phone: '+41795590003' }, '2026-03-10', 'cancelled')
  await book('A-4', { firstName: 'Tomorrow', lastName: 'Guest', phone: '+41795590004' }, '2026-03-11')
  await say('+41795590001', 'Thanks, see you!')
  await say('+41795590001', 'You are welcome', 'out')
  await say('+41795590002', 'Can we check in early, around 11?')
})
after(() => t.close())

describe('GET /v1/arrivals', () => {
  it("lists today's arrivals in the property's time zone, open questions first, without cancellations", async () => {
    const response = (await t.app.inject({ url: '/v1/arrivals', headers: bearer(token) })).json()
    assert.equal(response.day, '2026-03-10')
    assert.deepEqual(
      response.arrivals.map((a: { reservation: { confirmationNumber: string } }) => a.reservation.confirmationNumber),
      ['A-2', 'A-1'],
    )
    const [asking] = response.arrivals
    assert.deepEqual([asking.guestName, asking.openQuestions, asking.unread], ['Asking Guest', 1, 1])
    assert.equal(asking.conversations[0].lastMessagePreview, 'Can we check in early, around 11?')
  })

  it('counts a question the AI agent handed over as open: its notice to the guest answers nothing', async () => {
    await book('A-5', { firstName: 'Handed', lastName: 'Over', phone: '+41795590005' }, '2026-03-10')
    await say('+41795590005', 'Is there a bus from the station?', 'in', NOW)
    await t.app.aiAgent.idle()
    const handedOver = (await t.app.inject({ url: '/v1/arrivals', headers: bearer(token) }))
      .json()
      .arrivals.find((a: { guestName: string }) => a.guestName === 'Handed Over')
    // The agent handed over and told the guest so (the desk's clock stands still: both in one millisecond).
    assert.deepEqual([handedOver.conversations[0].mode, handedOver.conversations[0].messageCount], ['human', 2])
    assert.equal(handedOver.openQuestions, 1)
  })

  it("shows tomorrow's, or a given day's", async () => {
    const tomorrow = (await t.app.inject({ url: '/v1/arrivals?day=tomorrow', headers: bearer(token) })).json()
    assert.deepEqual([tomorrow.day, tomorrow.arrivals.length, tomorrow.arrivals[0].guestName], ['2026-03-11', 1, 'Tomorrow Guest'])
    assert.equal((await t.app.inject({ url: '/v1/arrivals?day=2026-03-12', headers: bearer(token) })).json().arrivals.length, 0)
    assert.equal((await t.app.inject({ url: '/v1/arrivals?day=someday', headers: bearer(token) })).statusCode, 400)
  })

  it('takes the day where the hotel is', () => {
    assert.equal(localDay(NOW, 'UTC'), '2026-03-09')
    assert.equal(localDay(NOW, 'Europe/Zurich'), '2026-03-10')
    assert.equal(localDay(NOW, 'America/New_York', 1), '2026-03-10')
  })
})
