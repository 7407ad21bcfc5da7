import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../support/test-app.js'

// `{{reservation.arrival}}` and `{{reservation.departure}}` are written for the guest ("Donnerstag,
// 3. Dezember"): in the conversation's detected language, else the profile's, else the language of
// the property's country; the year only when the stay is not in the property's current year.

let clock = Date.parse('2030-04-10T12:00:00Z')
let t: TestApp
let admin: string
let template: string

const api = async (method: 'GET' | 'POST', url: string, payload?: object, token = admin) => {
  const response = await t.app.inject({ method, url, headers: bearer(token), ...(payload && { payload }) })
  assert.ok(response.statusCode < 300, `${url}: ${response.body}`)
  return response.json()
}
const guestWrites = async (phone: string, token = admin) => {
  const [pushed] = await api('POST', PUSH_URL, { messages: [pushedMessage({ phone, at: new Date(clock - 60_000).toISOString() })] }, token)
  await t.app.aiAgent.idle()
  return pushed.conversationId as string
}
const reserve = (confirmationNumber: string, guest: object, stay: { arrival: string; departure: string }, propertyId?: string) =>
  api('POST', '/v1/reservations', { confirmationNumber, guest, ...stay, ...(propertyId && { propertyId }) })
const filled = async (conversationId: string, templateId = template) =>
  (await api('GET', `/v1/conversations/${conversationId}/templates/${templateId}`)).text as string

before(async () => {
  t = await startTestApp({ clock: () => clock })
  admin = t.token(['admin'])
  template = (await api('POST', '/v1/templates', { name: 'Stay', shortcut: 'stay', body: 'From {{reservation.arrival}} to {{reservation.departure}}' })).id
})
after(() => t.close())

describe('template dates are written for the guest', () => {
  it("in the language of the property's country when nothing else is known, without this year", async () => {
    const id = await guestWrites('+41795550701')
    await reserve('D-1', { firstName: 'Eva', phone: '+41795550701' }, { arrival: '2030-05-01', departure: '2030-05-03' })
    assert.equal(await filled(id), 'From Mittwoch, 1. Mai to Freitag, 3. Mai')
  })

  it("in the guest profile's language, with the year of a stay in another year", async () => {
    const id = await guestWrites('+41795550702')
    await reserve('D-2', { firstName: 'Léa', phone: '+41795550702', language: 'fr' }, { arrival: '2030-12-31', departure: '2031-01-02' })
    assert.equal(await filled(id), 'From mardi 31 décembre to jeudi 2 janvier 2031')
  })

  it("in the conversation's detected language first", async () => {
    const id = await guestWrites('+41795550703')
    await reserve('D-3', { firstName: 'Marco', phone: '+41795550703', language: 'de' }, { arrival: '2030-05-01', departure: '2030-05-03' })
    t.app.store.conversations.setLanguage(id, 'it')
    assert.equal(await filled(id), 'From mercoledì 1 maggio to venerdì 3 maggio')
    const sent = await api('POST', `/v1/conversations/${id}/messages`, { templateId: template })
    assert.equal(sent.content.text, 'From mercoledì 1 maggio to venerdì 3 maggio')
  })

  it("counts this year by the property's own time zone", async () => {
    const property = await api('POST', '/v1/properties', { name: 'Lodge', defaultCountry: 'US', timeZone: 'Pacific/Auckland' })
    const lodge = t.token(['guest.conversation.write', 'guest.conversation.read'], property.id)
    // 2030-12-31 12:00 UTC is already 2031-01-01 in Auckland: a stay in 2031 is this year's there.
    clock = Date.parse('2030-12-31T12:00:00Z')
    const id = await guestWrites('+12025550704', lodge)
    await reserve('D-4', { firstName: 'Amy', phone: '+12025550704', language: 'en' }, { arrival: '2031-01-05', departure: '2031-01-07' }, property.id)
    const lodgeTemplate = await api('POST', '/v1/templates', {
      propertyId: property.id,
      name: 'Stay',
      shortcut: 'stay',
      body: 'From {{reservation.arrival}} to {{reservation.departure}}',
    })
    assert.equal(await filled(id, lodgeTemplate.id), 'From Sunday, January 5 to Tuesday, January 7')
  })
})
