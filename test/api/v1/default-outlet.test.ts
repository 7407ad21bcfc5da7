import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

// A fresh desk's property has the "Front desk" outlet, so the guest app works without any set-up.

let t: TestApp
let admin: string
before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
})
after(() => t.close())

const api = (method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: bearer(admin), ...(payload ? { payload } : {}) })

describe('the default outlet', () => {
  it('comes with the property of a new desk', async () => {
    const propertyId = t.app.store.properties.first()!.id
    const outlets = (await api('GET', '/v1/outlets')).json()
    assert.deepEqual(
      outlets.map((outlet: { propertyId: string; code: string; name: string; available: boolean }) => [
        outlet.propertyId,
        outlet.code,
        outlet.name,
        outlet.available,
      ]),
      [[propertyId, 'front-desk', 'Front desk', true]],
    )
  })

  it('comes with a property added later, too', async () => {
    const added = await api('POST', '/v1/properties', { name: 'Hotel Lago', defaultCountry: 'CH', timeZone: 'Europe/Zurich' })
    assert.equal(added.statusCode, 201, added.body)
    const outlets = (await api('GET', `/v1/outlets?propertyId=${added.json().id}`)).json()
    assert.deepEqual(
      outlets.map((outlet: { code: string; name: string }) => [outlet.code, outlet.name]),
      [['front-desk', 'Front desk']],
    )
  })

  it("lets a guest write from the guest app on a desk nobody has set up: the conversation is the Front desk's", async () => {
    const booked = await api('POST', '/v1/reservations', {
      confirmationNumber: 'GA-1',
      guest: { firstName: 'Elena', lastName: 'Rossi', email: 'elena@example.it' },
      arrival: '2030-06-01',
      departure: '2030-06-04',
      room: '412',
    })
    assert.equal(booked.statusCode, 201, booked.body)
    const session = await api('POST', `/v1/reservations/${booked.json().reservation.id}/guest-sessions`, {})
    const response = await t.app.inject({
      method: 'POST',
      url: '/API/V40/Interactive/Messages/Conversations',
      payload: { message: 'Could I get extra towels?', conversationType: 'guest', outletCode: '', sessionToken: session.json().token },
    })
    assert.equal(response.statusCode, 200, response.body)
    const conversation = response.json().responses[0].createConversationResponse.content.conversation
    assert.deepEqual([conversation.outletCode, conversation.outletName, conversation.roomNumber], ['front-desk', 'Front desk', '412'])
  })
})
