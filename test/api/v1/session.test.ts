import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { completeSetup } from '../../support/first-run.js'
import { sessionCookie } from '../../support/sessions.js'
import { startTestApp, type TestApp } from '../../support/test-app.js'

// A desk after its first-run setup: Anna is its admin, and sample conversations wait in the inbox.
let t: TestApp
before(async () => {
  t = await startTestApp()
  await completeSetup(t)
})
after(() => t.close())

describe('signing in and out', () => {
  const signIn = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/v1/session', payload: { email, password } })

  it('refuses a wrong password with 401 and no cookie', async () => {
    const response = await signIn('anna@alpenblick.ch', 'wrong password!')
    assert.equal(response.statusCode, 401)
    assert.equal(response.headers['set-cookie'], undefined)
  })

  it("accepts the right password, whatever the email's case", async () => {
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
