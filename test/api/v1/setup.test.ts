import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { SETUP } from '../../support/first-run.js'
import { sessionCookie } from '../../support/sessions.js'
import { startTestApp, type TestApp } from '../../support/test-app.js'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

describe('first-run setup', () => {
  let cookie: string

  it('is needed on a new data dir', async () => {
    const response = await t.app.inject({ url: '/v1/setup' })
    assert.deepEqual(response.json(), { needsSetup: true, joining: false, progress: null })
  })

  it('rejects a short password and creates nothing', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/v1/setup', payload: { ...SETUP, admin: { ...SETUP.admin, password: 'short' } } })
    assert.equal(response.statusCode, 400)
    assert.match(response.json().detail, /password/)
    assert.deepEqual((await t.app.inject({ url: '/v1/setup' })).json(), { needsSetup: true, joining: false, progress: null })
  })

  it('names the property, creates the admin signed in, and loads sample data', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/v1/setup', payload: SETUP })
    assert.equal(response.statusCode, 201, response.body)
    const body = response.json()
    assert.equal(body.agent.email, 'anna@alpenblick.ch')
    assert.equal(body.agent.role, 'admin')
    assert.ok(body.sampleData.conversations > 20 && body.sampleData.reservations > 5 && body.sampleData.leads > 0)
    const setCookie = String([response.headers['set-cookie']].flat()[0])
    assert.match(setCookie, /HttpOnly/i)
    assert.match(setCookie, /SameSite=Strict/i)
    cookie = sessionCookie(response)

    const [property] = (await t.app.inject({ url: '/v1/properties', headers: { cookie } })).json()
    assert.deepEqual([property.name, property.defaultCountry, property.timeZone], ['Hotel Alpenblick', 'CH', 'Europe/Zurich'])
  })

  it('happens once: a second setup is a conflict', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/v1/setup', payload: SETUP })
    assert.equal(response.statusCode, 409)
    assert.deepEqual((await t.app.inject({ url: '/v1/setup' })).json(), { needsSetup: false, joining: false, progress: null })
  })

  it('gives the admin a session the native API accepts', async () => {
    const session = await t.app.inject({ url: '/v1/session', headers: { cookie } })
    assert.equal(session.json().agent.name, 'Anna Keller')
    const list = await t.app.inject({ url: '/v1/conversations?limit=5', headers: { cookie } })
    assert.equal(list.statusCode, 200)
    assert.equal(list.json().items.length, 5)
  })

  it('loads sample conversations on web chat and phone, some with a reservation and some with a lead', async () => {
    const all = (await t.app.inject({ url: '/v1/conversations?limit=100', headers: { cookie } })).json().items as {
      channel: string
      guest: { id: string | null }
      lead: object | null
    }[]
    assert.deepEqual([...new Set(all.map((c) => c.channel))].sort(), ['phone', 'web_chat'])
    assert.ok(all.some((c) => c.guest.id !== null))
    assert.ok(all.some((c) => c.lead !== null))
  })
})
