import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { completeSetup } from '../../support/first-run.js'
import { sessionCookie } from '../../support/sessions.js'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

// A desk after its first-run setup: Anna is its only agent, an admin.
let t: TestApp
before(async () => {
  t = await startTestApp()
  await completeSetup(t)
})
after(() => t.close())

describe('agents', () => {
  let adminCookie: string
  let agentId: string
  before(async () => {
    adminCookie = sessionCookie(
      await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email: 'anna@alpenblick.ch', password: 'correct horse battery' } }),
    )
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
    const cookie = sessionCookie(
      await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email: 'luca@alpenblick.ch', password: 'night shift 2026' } }),
    )
    const response = await t.app.inject({ method: 'PATCH', url: `/v1/agents/${agentId}`, headers: { cookie }, payload: { role: 'admin' } })
    assert.equal(response.statusCode, 403)
  })

  it('once deactivated, lose their sessions and cannot sign in', async () => {
    const cookie = sessionCookie(
      await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email: 'luca@alpenblick.ch', password: 'night shift 2026' } }),
    )
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
    assert.equal(
      (await t.app.inject({ method: 'PATCH', url: '/v1/agents/agt_nope', headers: { cookie: adminCookie }, payload: { name: 'X' } })).statusCode,
      404,
    )
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/v1/agents/${agentId}`, headers: { cookie: adminCookie }, payload: {} })).statusCode, 400)
    assert.equal(
      (await t.app.inject({ method: 'PATCH', url: `/v1/agents/${agentId}`, headers: { cookie: adminCookie }, payload: { role: 'boss' } })).statusCode,
      400,
    )
  })

  it('can also be listed with an API token', async () => {
    const response = await t.app.inject({ url: '/v1/agents', headers: bearer(t.token(['guest.conversation.read'])) })
    assert.equal(response.statusCode, 200)
  })
})
