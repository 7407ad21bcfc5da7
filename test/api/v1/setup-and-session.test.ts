import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

const SETUP = {
  property: { name: 'Hotel Alpenblick', defaultCountry: 'ch', timeZone: 'Europe/Zurich' },
  admin: { name: 'Anna Keller', email: ' Anna@Alpenblick.ch ', password: 'correct horse battery' },
  sampleData: true,
}

/** The session cookie of a response, ready to send back. */
function sessionCookie(response: { headers: Record<string, unknown> }): string {
  const header = [response.headers['set-cookie']].flat().find((value) => String(value).startsWith('frontdesk_session='))
  assert.ok(header, 'a session cookie is set')
  return String(header).split(';')[0]!
}

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

describe('signing in and out', () => {
  const signIn = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/v1/session', payload: { email, password } })

  it('refuses a wrong password with 401 and no cookie', async () => {
    const response = await signIn('anna@alpenblick.ch', 'wrong password!')
    assert.equal(response.statusCode, 401)
    assert.equal(response.headers['set-cookie'], undefined)
  })

  it('accepts the right password, whatever the email\'s case', async () => {
    const response = await signIn('ANNA@alpenblick.ch', 'correct horse battery')
    assert.equal(response.statusCode, 200)
    assert.equal(response.json().agent.email, 'anna@alpenblick.ch')
  })

  it('ends the session on sign-out: the cookie no longer opens the API', async () => {
    const cookie = sessionCookie(await signIn('anna@alpenblick.ch', 'correct horse battery'))
    const out = await t.app.inject({ method: 'DELETE', url: '/v1/session', headers: { cookie } })
    assert.equal(out.statusCode, 204)
    assert.equal((await t.app.inject({ url: '/v1/conversations', headers: { cookie } })).statusCode, 401)
  })

  it('refuses a state-changing request with the cookie from another origin', async () => {
    const cookie = sessionCookie(await signIn('anna@alpenblick.ch', 'correct horse battery'))
    const [conversation] = (await t.app.inject({ url: '/v1/conversations?channel=web_chat&limit=1', headers: { cookie } })).json().items
    const response = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${conversation.id}/read`,
      headers: { cookie, origin: 'http://evil.example', host: 'localhost:80' },
    })
    assert.equal(response.statusCode, 403)
  })
})

describe('agents', () => {
  let adminCookie: string
  let agentId: string
  before(async () => {
    adminCookie = sessionCookie(await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email: 'anna@alpenblick.ch', password: 'correct horse battery' } }))
  })

  it('are added by an admin', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/agents',
      headers: { cookie: adminCookie },
      payload: { name: 'Luca Meier', email: 'luca@alpenblick.ch', password: 'night shift 2026', role: 'agent' },
    })
    assert.equal(response.statusCode, 201, response.body)
    agentId = response.json().id
    assert.match(agentId, /^agt_/)
    const names = (await t.app.inject({ url: '/v1/agents', headers: { cookie: adminCookie } })).json().map((a: { name: string }) => a.name)
    assert.deepEqual(names, ['Anna Keller', 'Luca Meier'])
  })

  it('refuse a second agent with the same email', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/agents',
      headers: { cookie: adminCookie },
      payload: { name: 'Luca Two', email: 'LUCA@alpenblick.ch', password: 'night shift 2026', role: 'agent' },
    })
    assert.equal(response.statusCode, 400)
    assert.match(response.json().detail, /already used/)
  })

  it('cannot be managed by an agent', async () => {
    const cookie = sessionCookie(await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email: 'luca@alpenblick.ch', password: 'night shift 2026' } }))
    const response = await t.app.inject({ method: 'PATCH', url: `/v1/agents/${agentId}`, headers: { cookie }, payload: { role: 'admin' } })
    assert.equal(response.statusCode, 403)
  })

  it('once deactivated, lose their sessions and cannot sign in', async () => {
    const cookie = sessionCookie(await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email: 'luca@alpenblick.ch', password: 'night shift 2026' } }))
    const response = await t.app.inject({ method: 'PATCH', url: `/v1/agents/${agentId}`, headers: { cookie: adminCookie }, payload: { active: false } })
    assert.equal(response.json().active, false)
    assert.equal((await t.app.inject({ url: '/v1/conversations', headers: { cookie } })).statusCode, 401)
    const again = await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email: 'luca@alpenblick.ch', password: 'night shift 2026' } })
    assert.equal(again.statusCode, 401)
  })

  it('keep at least one active admin', async () => {
    const [anna] = (await t.app.inject({ url: '/v1/agents', headers: { cookie: adminCookie } })).json()
    const response = await t.app.inject({ method: 'PATCH', url: `/v1/agents/${anna.id}`, headers: { cookie: adminCookie }, payload: { role: 'agent' } })
    assert.equal(response.statusCode, 400)
    assert.match(response.json().detail, /no active admin/)
  })

  it('answer an unknown id with 404 and a bad body with 400', async () => {
    assert.equal((await t.app.inject({ method: 'PATCH', url: '/v1/agents/agt_nope', headers: { cookie: adminCookie }, payload: { name: 'X' } })).statusCode, 404)
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/v1/agents/${agentId}`, headers: { cookie: adminCookie }, payload: {} })).statusCode, 400)
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/v1/agents/${agentId}`, headers: { cookie: adminCookie }, payload: { role: 'boss' } })).statusCode, 400)
  })

  it('can also be listed with an API token', async () => {
    const response = await t.app.inject({ url: '/v1/agents', headers: bearer(t.token(['guest.conversation.read'])) })
    assert.equal(response.statusCode, 200)
  })
})
