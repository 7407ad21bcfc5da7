import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { completeSetup } from '../../support/first-run.js'
import { signIn } from '../../support/sessions.js'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

// Each agent's language for the inbox, chosen by themselves and remembered with the agent.

const AGENT = { name: 'Giulia Bernasconi', email: 'giulia@alpenblick.ch', password: 'lago di lugano 1984', role: 'agent' }

let t: TestApp
let adminCookie: string
let agentCookie: string

const as = (cookie: string, method: 'GET' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) })

before(async () => {
  t = await startTestApp()
  adminCookie = await completeSetup(t)
  assert.equal((await as(adminCookie, 'PUT', '/v1/session/language', { uiLanguage: null })).statusCode, 200)
  const created = await t.app.inject({ method: 'POST', url: '/v1/agents', headers: { cookie: adminCookie }, payload: AGENT })
  assert.equal(created.statusCode, 201, created.body)
  agentCookie = await signIn(t, AGENT.email, AGENT.password)
})
after(() => t.close())

describe('PUT /v1/session/language', () => {
  it('starts with none chosen: the browser decides', async () => {
    assert.equal((await as(agentCookie, 'GET', '/v1/session')).json().agent.uiLanguage, null)
  })

  it("remembers the agent's choice across sign-ins, for that agent only", async () => {
    const chosen = await as(agentCookie, 'PUT', '/v1/session/language', { uiLanguage: 'it' })
    assert.equal(chosen.statusCode, 200, chosen.body)
    assert.equal(chosen.json().agent.uiLanguage, 'it')
    const again = await signIn(t, AGENT.email, AGENT.password)
    assert.equal((await as(again, 'GET', '/v1/session')).json().agent.uiLanguage, 'it')
    assert.equal((await as(adminCookie, 'GET', '/v1/session')).json().agent.uiLanguage, null)
  })

  it('takes Traditional Chinese and null (back to the browser)', async () => {
    assert.equal((await as(agentCookie, 'PUT', '/v1/session/language', { uiLanguage: 'zh-Hant' })).json().agent.uiLanguage, 'zh-Hant')
    assert.equal((await as(agentCookie, 'PUT', '/v1/session/language', { uiLanguage: null })).json().agent.uiLanguage, null)
  })

  it('refuses a language the inbox does not speak, and anything else, with 400 naming the field', async () => {
    for (const body of [{ uiLanguage: 'pt' }, { uiLanguage: 'DE' }, { uiLanguage: '' }, {}, { uiLanguage: 'de', extra: 1 }]) {
      const refused = await as(agentCookie, 'PUT', '/v1/session/language', body)
      assert.equal(refused.statusCode, 400, JSON.stringify(body))
      assert.match(refused.json().detail, /uiLanguage|extra|property/, JSON.stringify(body))
    }
    assert.equal((await as(agentCookie, 'GET', '/v1/session')).json().agent.uiLanguage, null)
  })

  it('is for a signed-in agent: an API token gets 400, nobody 401', async () => {
    const token = await t.app.inject({
      method: 'PUT',
      url: '/v1/session/language',
      headers: bearer(t.token(['guest.conversation.read'])),
      payload: { uiLanguage: 'de' },
    })
    assert.equal(token.statusCode, 400)
    assert.equal((await t.app.inject({ method: 'PUT', url: '/v1/session/language', payload: { uiLanguage: 'de' } })).statusCode, 401)
  })
})
