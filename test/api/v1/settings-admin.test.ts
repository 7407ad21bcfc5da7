import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { completeSetup, SETUP } from '../../support/first-run.js'
import { sessionCookie, signIn } from '../../support/sessions.js'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

// What an admin changes under Settings and Agents, and what a non-admin may not.

const ADMIN_EMAIL = 'anna@alpenblick.ch'
const AGENT = { name: 'Luca Meier', email: 'luca@alpenblick.ch', password: 'night shift 2026', role: 'agent' }

let t: TestApp
let adminCookie: string
let agentCookie: string
let agentId: string
let propertyId: string

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH'
const as = (cookie: string, method: Method, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) })

before(async () => {
  t = await startTestApp()
  adminCookie = await completeSetup(t)
  propertyId = (await as(adminCookie, 'GET', '/v1/properties')).json()[0].id
  const created = await as(adminCookie, 'POST', '/v1/agents', AGENT)
  assert.equal(created.statusCode, 201, created.body)
  agentId = created.json().id
  agentCookie = await signIn(t, AGENT.email, AGENT.password)
})
after(() => t.close())

describe('the property, edited by an admin', () => {
  it('takes a new name, phone country and IANA time zone', async () => {
    const response = await as(adminCookie, 'PATCH', `/v1/properties/${propertyId}`, {
      name: 'Hotel Alpenblick & Spa',
      defaultCountry: 'at',
      timeZone: 'Europe/Vienna',
    })
    assert.equal(response.statusCode, 200, response.body)
    assert.deepEqual([response.json().name, response.json().defaultCountry, response.json().timeZone], ['Hotel Alpenblick & Spa', 'AT', 'Europe/Vienna'])
  })

  it('refuses a time zone that is not one, and an unknown country, with 400 naming the value', async () => {
    const zone = await as(adminCookie, 'PATCH', `/v1/properties/${propertyId}`, { timeZone: 'Mars/Olympus_Mons' })
    assert.equal(zone.statusCode, 400)
    assert.match(zone.json().detail, /unknown time zone "Mars\/Olympus_Mons"/)
    const country = await as(adminCookie, 'PATCH', `/v1/properties/${propertyId}`, { defaultCountry: 'XX' })
    assert.equal(country.statusCode, 400)
    assert.match(country.json().detail, /country/)
  })

  it('is not changed by an agent who is no admin (403)', async () => {
    const response = await as(agentCookie, 'PATCH', `/v1/properties/${propertyId}`, { name: 'Mine now' })
    assert.equal(response.statusCode, 403)
  })
})

describe('channel accounts, created and edited by an admin', () => {
  let accountId: string

  it('are created with a webhook and its secret (never shown again)', async () => {
    const response = await as(adminCookie, 'POST', '/v1/channel-accounts', {
      channel: 'whatsapp',
      code: 'wa-main',
      name: 'WhatsApp Business',
      webhookUrl: 'https://chat.example.com/hooks/frontdesk',
      webhookSecret: 'a-secret-of-24-characters',
    })
    assert.equal(response.statusCode, 201, response.body)
    accountId = response.json().id
    assert.equal(response.json().hasWebhookSecret, true)
    assert.equal(response.json().webhookSecret, undefined)
  })

  it('are edited: name, code, channel and webhook', async () => {
    const response = await as(adminCookie, 'PATCH', `/v1/channel-accounts/${accountId}`, {
      name: 'WhatsApp (reception)',
      code: 'wa-reception',
      channel: 'sms',
      webhookUrl: 'http://127.0.0.1:9/hook',
    })
    assert.equal(response.statusCode, 200, response.body)
    assert.deepEqual(
      [response.json().name, response.json().code, response.json().channel, response.json().webhookUrl, response.json().hasWebhookSecret],
      ['WhatsApp (reception)', 'wa-reception', 'sms', 'http://127.0.0.1:9/hook', true],
    )
  })

  it('refuse a webhook that is no http(s) address, a short secret and a bad code with 400 naming the field', async () => {
    for (const [payload, field] of [
      [{ webhookUrl: 'file:///etc/passwd' }, /webhookUrl/],
      [{ webhookSecret: 'short' }, /webhookSecret/],
      [{ code: 'has spaces' }, /code/],
    ] as const) {
      const response = await as(adminCookie, 'PATCH', `/v1/channel-accounts/${accountId}`, payload)
      assert.equal(response.statusCode, 400, JSON.stringify(payload))
      assert.match(response.body, field)
    }
  })

  it('are neither created nor edited by an agent who is no admin (403)', async () => {
    assert.equal((await as(agentCookie, 'POST', '/v1/channel-accounts', { channel: 'sms', code: 'sms', name: 'SMS' })).statusCode, 403)
    assert.equal((await as(agentCookie, 'PATCH', `/v1/channel-accounts/${accountId}`, { name: 'Mine' })).statusCode, 403)
  })
})

describe('PUT /v1/session/password: an agent changes their own password', () => {
  it('needs the current password (400 naming it) and a strong new one', async () => {
    const wrong = await as(agentCookie, 'PUT', '/v1/session/password', { currentPassword: 'not my password', newPassword: 'quiet lake morning 7' })
    assert.equal(wrong.statusCode, 400)
    assert.match(wrong.json().detail, /currentPassword is not your current password/)
    const weak = await as(agentCookie, 'PUT', '/v1/session/password', { currentPassword: AGENT.password, newPassword: 'password12' })
    assert.equal(weak.statusCode, 400)
    assert.match(weak.json().detail, /newPassword is too easy to guess/)
    const short = await as(agentCookie, 'PUT', '/v1/session/password', { currentPassword: AGENT.password, newPassword: 'short' })
    assert.equal(short.statusCode, 400)
    assert.match(short.json().detail, /newPassword/)
  })

  it('is for a signed-in agent: an API token gets 400, nobody 401', async () => {
    const token = await t.app.inject({
      method: 'PUT',
      url: '/v1/session/password',
      headers: bearer(t.token(['guest.conversation.read'])),
      payload: { currentPassword: 'x', newPassword: 'quiet lake morning 7' },
    })
    assert.equal(token.statusCode, 400)
    assert.match(token.json().detail, /not a signed-in agent/)
    const nobody = await t.app.inject({ method: 'PUT', url: '/v1/session/password', payload: { currentPassword: 'x', newPassword: 'quiet lake morning 7' } })
    assert.equal(nobody.statusCode, 401)
  })

  it('changes it: the asking session goes on with a new cookie, other sessions end, the new password signs in', async () => {
    const elsewhere = await signIn(t, AGENT.email, AGENT.password)
    const response = await as(agentCookie, 'PUT', '/v1/session/password', { currentPassword: AGENT.password, newPassword: 'quiet lake morning 7' })
    assert.equal(response.statusCode, 204, response.body)
    const renewed = sessionCookie(response)
    assert.equal((await as(renewed, 'GET', '/v1/session')).statusCode, 200)
    assert.equal((await as(agentCookie, 'GET', '/v1/session')).statusCode, 401)
    assert.equal((await as(elsewhere, 'GET', '/v1/session')).statusCode, 401)
    assert.equal((await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email: AGENT.email, password: AGENT.password } })).statusCode, 401)
    agentCookie = await signIn(t, AGENT.email, 'quiet lake morning 7')
  })
})

describe("an admin resets an agent's password", () => {
  it('sets a new one: the agent is signed out and signs in with it', async () => {
    const response = await as(adminCookie, 'PATCH', `/v1/agents/${agentId}`, { password: 'given by the admin 42' })
    assert.equal(response.statusCode, 200, response.body)
    assert.equal((await as(agentCookie, 'GET', '/v1/session')).statusCode, 401)
    assert.ok(await signIn(t, AGENT.email, 'given by the admin 42'))
  })

  it("is refused to an agent who is no admin (403), also for the admin's password", async () => {
    const cookie = await signIn(t, AGENT.email, 'given by the admin 42')
    const admins = (await as(adminCookie, 'GET', '/v1/agents')).json() as { id: string; email: string }[]
    const adminId = admins.find((agent) => agent.email === ADMIN_EMAIL)!.id
    assert.equal((await as(cookie, 'PATCH', `/v1/agents/${adminId}`, { password: 'taken over by luca 1' })).statusCode, 403)
    assert.ok(await signIn(t, ADMIN_EMAIL, SETUP.admin.password))
  })
})
