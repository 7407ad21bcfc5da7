import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, startTestApp, type TestApp } from '../support/test-app.js'

let t: TestApp
let admin: string
before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
})
after(() => t.close())

const SETUP = {
  property: { name: 'Hotel Lago', defaultCountry: 'CH', timeZone: 'Europe/Zurich' },
  admin: { name: 'Sara Brunner', email: 'sara@hotel-lago.ch', password: 'lakeside view 1' },
}

describe('password rules, wherever a password is set', () => {
  it('setup refuses a guessable password with advice, and creates nothing', async () => {
    for (const [password, detail] of [
      ['12345678', /admin\.password/],
      ['          ', /admin\.password must not be only spaces/],
      ['1234567890', /admin\.password is too easy to guess: .*add more words/i],
      ['sara brunner 1', /admin\.password must not contain your name/],
      ['sara@hotel-lago.ch', /admin\.password must not contain your email address/],
    ] as const) {
      const response = await t.app.inject({ method: 'POST', url: '/v1/setup', payload: { ...SETUP, admin: { ...SETUP.admin, password } } })
      assert.equal(response.statusCode, 400, password)
      assert.match(String(response.headers['content-type']), /problem\+json/)
      assert.match(response.json().detail, detail, password)
    }
    assert.equal(t.app.store.agents.count(), 0)
    const ok = await t.app.inject({ method: 'POST', url: '/v1/setup', payload: SETUP })
    assert.equal(ok.statusCode, 201, ok.body)
  })

  it("adding an agent refuses weak passwords and the agent's own name or email", async () => {
    const add = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/agents',
        headers: bearer(admin),
        payload: { name: 'Luca Meier', email: 'luca@hotel-lago.ch', password, role: 'agent' },
      })
    for (const [password, detail] of [
      ['password', /password/],
      ['password1234', /password is too easy to guess/],
      ['qwertyuiop', /password is too easy to guess/],
      ['LucaMeier2026', /password must not contain your name/],
      ['luca1 desk hotel', /password must not contain your email address/],
    ] as const) {
      const response = await add(password)
      assert.equal(response.statusCode, 400, password)
      assert.match(response.json().detail, detail, password)
    }
    const ok = await add('night shift 2026')
    assert.equal(ok.statusCode, 201, ok.body)
  })

  it('a new password set by an admin is held to the same rules', async () => {
    const luca = t.app.store.agents.list().find((agent) => agent.email === 'luca@hotel-lago.ch')!
    const weak = await t.app.inject({ method: 'PATCH', url: `/v1/agents/${luca.id}`, headers: bearer(admin), payload: { password: 'abcdefghijk' } })
    assert.equal(weak.statusCode, 400)
    assert.match(weak.json().detail, /password is too easy to guess/)
    const renamedInto = await t.app.inject({
      method: 'PATCH',
      url: `/v1/agents/${luca.id}`,
      headers: bearer(admin),
      payload: { name: 'Gianluca Rossi', password: 'gianluca rossi 7' },
    })
    assert.equal(renamedInto.statusCode, 400, 'judged against the new name too')
    const ok = await t.app.inject({ method: 'PATCH', url: `/v1/agents/${luca.id}`, headers: bearer(admin), payload: { password: 'quiet lake morning 7' } })
    assert.equal(ok.statusCode, 200, ok.body)
    const signIn = await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email: 'luca@hotel-lago.ch', password: 'quiet lake morning 7' } })
    assert.equal(signIn.statusCode, 200)
  })
})
