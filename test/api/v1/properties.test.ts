import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

let t: TestApp
let admin: string
let reader: string
let propertyId: string

const send = (method: 'POST' | 'PATCH', url: string, payload: object, token = admin) => t.app.inject({ method, url, headers: bearer(token), payload })

before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
  reader = t.token(['guest.conversation.read', 'guest.conversation.write'])
  propertyId = t.app.store.properties.first()!.id
})
after(() => t.close())

describe('GET /v1/properties', () => {
  it('lists the property a new data dir starts with', async () => {
    const response = await t.app.inject({ url: '/v1/properties', headers: bearer(t.token(['guest.conversation.read'])) })
    assert.equal(response.statusCode, 200)
    assert.equal(response.json().length, 1)
    assert.equal(response.json()[0].defaultCountry, 'CH')
  })
})

describe('admin: properties', () => {
  it('renames a property and changes its phone country and time zone', async () => {
    const response = await send('PATCH', `/v1/properties/${propertyId}`, { name: 'Hotel Lago', defaultCountry: 'it', timeZone: 'Europe/Rome' })
    assert.equal(response.statusCode, 200, response.body)
    assert.deepEqual([response.json().name, response.json().defaultCountry, response.json().timeZone], ['Hotel Lago', 'IT', 'Europe/Rome'])
  })

  it('refuses unknown countries and time zones, unknown ids, and non-admins', async () => {
    assert.equal((await send('PATCH', `/v1/properties/${propertyId}`, { defaultCountry: 'XX' })).statusCode, 400)
    assert.equal((await send('PATCH', `/v1/properties/${propertyId}`, { timeZone: 'Mars/Olympus' })).statusCode, 400)
    assert.equal((await send('PATCH', '/v1/properties/prop_nope', { name: 'X' })).statusCode, 404)
    assert.equal((await send('PATCH', `/v1/properties/${propertyId}`, { name: 'X' }, reader)).statusCode, 403)
  })
})
