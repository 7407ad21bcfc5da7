import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { buildServer, type App } from '../../../local-api/server.js'
import { tempDir } from '../../support/test-app.js'

/** A desk on a real SQLite file whose clock the test moves; it can be restarted on the same file. */
const dataDir = tempDir()
let now = Date.parse('2026-12-01T13:50:00Z')
const clock = () => now
const advance = (ms: number) => {
  now += ms
}
let app: App
let adminCookie: string
let adminToken: string
let agentCookie: string
let lucaId: string

const LUCA = { name: 'Luca Meier', email: 'luca@alpenblick.ch', password: 'night shift 2026', role: 'agent' }

async function start() {
  app = await buildServer({ dataDir, clock, defaultCountry: 'CH' })
  await app.ready()
}

function cookieOf(response: { headers: Record<string, unknown> }): string {
  const header = [response.headers['set-cookie']].flat().find((value) => String(value).startsWith('frontdesk_session='))
  assert.ok(header, 'a session cookie is set')
  return String(header).split(';')[0]!
}

/** A sign-in from `address` (each scenario has its own, so their counts stay apart). */
function signIn(address: string, email: string, password: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/v1/session', remoteAddress: address, headers, payload: { email, password } })
}

before(async () => {
  await start()
  const setup = await app.inject({
    method: 'POST',
    url: '/v1/setup',
    payload: {
      property: { name: 'Hotel Alpenblick', defaultCountry: 'CH', timeZone: 'Europe/Zurich' },
      admin: { name: 'Anna Keller', email: 'anna@alpenblick.ch', password: 'correct horse battery' },
    },
  })
  assert.equal(setup.statusCode, 201, setup.body)
  adminCookie = cookieOf(setup)
  const created = await app.inject({ method: 'POST', url: '/v1/agents', headers: { cookie: adminCookie }, payload: LUCA })
  assert.equal(created.statusCode, 201, created.body)
  lucaId = created.json().id
  const { createApiToken } = await import('../../../local-api/services/api-tokens.js')
  adminToken = createApiToken(app.store, { name: 'admin', scopes: ['admin'] }).token
})
after(async () => {
  await app.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('sign-in throttling', () => {
  it('lets a few wrong passwords through at once, then makes the next try wait (429 with Retry-After)', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await signIn('10.0.0.1', LUCA.email, 'not the password')).statusCode, 401)
    const delayed = await signIn('10.0.0.1', LUCA.email, LUCA.password)
    assert.equal(delayed.statusCode, 429)
    assert.equal(delayed.headers['retry-after'], '1')
    assert.match(String(delayed.headers['content-type']), /application\/problem\+json/)
    assert.match(delayed.json().detail, /too many failed sign-ins; try again in 1 s/)
    advance(1000)
    assert.equal((await signIn('10.0.0.1', LUCA.email, 'still not it')).statusCode, 401)
    const longer = await signIn('10.0.0.1', LUCA.email, LUCA.password)
    assert.equal(longer.statusCode, 429)
    assert.equal(longer.headers['retry-after'], '2', 'the wait doubles with each failure')
  })

  it('keys the account by its normalised email, and a right password after the wait starts it afresh', async () => {
    // From another address: the account's own wait still applies.
    const elsewhere = await signIn('10.0.0.2', '  LUCA@Alpenblick.CH ', LUCA.password)
    assert.equal(elsewhere.statusCode, 429)
    advance(2000)
    const right = await signIn('10.0.0.2', '  LUCA@Alpenblick.CH ', LUCA.password)
    assert.equal(right.statusCode, 200, right.body)
    agentCookie = cookieOf(right)
    const agents = (await app.inject({ url: '/v1/agents', headers: { cookie: adminCookie } })).json()
    assert.equal(agents.find((a: { id: string }) => a.id === lucaId).failedSignIns, 0)
  })

  it('gives junk tokens and cookies no fresh budget', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await signIn('10.0.0.3', LUCA.email, `guess ${i}`)).statusCode, 401)
    for (let i = 0; i < 5; i++) {
      const junk = await signIn('10.0.0.3', LUCA.email, LUCA.password, {
        authorization: `Bearer junk-${i}`,
        'x-access-token': `junk-${i}`,
        cookie: `frontdesk_session=junk-${i}`,
      })
      assert.equal(junk.statusCode, 429, junk.body)
    }
    advance(60_000)
    assert.equal((await signIn('10.0.0.3', LUCA.email, LUCA.password)).statusCode, 200)
  })

  it('throttles a burst of parallel tries like a sequence of them', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn('10.0.0.4', LUCA.email, `parallel guess ${i}`)))
    const statuses = answers.map((answer) => answer.statusCode)
    assert.equal(statuses.filter((status) => status === 401).length, 3, String(statuses))
    assert.equal(statuses.filter((status) => status === 429).length, 17, String(statuses))
    advance(60_000)
    assert.equal((await signIn('10.0.0.4', LUCA.email, LUCA.password)).statusCode, 200)
  })

  it('holds a flood limit of 30 tries a minute per address, whatever credential comes along', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) {
      const answer = await signIn('10.0.0.9', LUCA.email, LUCA.password, { authorization: `Bearer junk-${i}`, cookie: `frontdesk_session=junk-${i}` })
      statuses.push(answer.statusCode)
    }
    assert.deepEqual(statuses.slice(0, 30), Array(30).fill(200))
    assert.equal(statuses[30], 429)
  })

  it('slows down one address trying many accounts, and no other address', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await signIn('10.0.0.5', `nobody${i}@alpenblick.ch`, 'spray password 1')).statusCode, 401)
    const sprayed = await signIn('10.0.0.5', 'somebody.else@alpenblick.ch', 'spray password 1')
    assert.equal(sprayed.statusCode, 429)
    assert.equal((await signIn('10.0.0.6', LUCA.email, LUCA.password)).statusCode, 200)
    advance(60_000)
  })
})

describe('lockout', () => {
  let lockedUntil: string

  it('locks the account after 10 failures within 15 minutes; the right password is refused too (423, until when)', async () => {
    for (let i = 0; i < 10; i++) {
      const failed = await signIn('10.0.1.1', LUCA.email, `wrong guess ${i}`)
      assert.equal(failed.statusCode, 401, `try ${i + 1}: ${failed.body}`)
      advance(61_000)
    }
    const locked = await signIn('10.0.1.2', LUCA.email, LUCA.password)
    assert.equal(locked.statusCode, 423, locked.body)
    assert.match(String(locked.headers['content-type']), /application\/problem\+json/)
    const detail: string = locked.json().detail
    const until = /until (\S+);/.exec(detail)?.[1]
    assert.ok(until, detail)
    lockedUntil = until
    // Locked 15 minutes from the 10th failure, which was 61 s ago.
    assert.equal(Number(locked.headers['retry-after']), 15 * 60 - 61)
    assert.equal(Date.parse(until), now - 61_000 + 15 * 60_000)
  })

  it('is shown to admins in the agents list (failed count and until when), and to no one else', async () => {
    const agents = (await app.inject({ url: '/v1/agents', headers: { cookie: adminCookie } })).json()
    const luca = agents.find((a: { id: string }) => a.id === lucaId)
    assert.equal(luca.lockedUntil, lockedUntil)
    assert.equal(luca.failedSignIns, 10)
    const anna = agents.find((a: { email: string }) => a.email === 'anna@alpenblick.ch')
    assert.deepEqual([anna.lockedUntil, anna.failedSignIns], [null, 0])
    const asAgent = (await app.inject({ url: '/v1/agents', headers: { cookie: agentCookie } })).json()
    assert.ok(asAgent.every((a: object) => !('lockedUntil' in a) && !('failedSignIns' in a)))
  })

  it('survives a restart of the desk', async () => {
    await app.close()
    await start()
    assert.equal((await signIn('10.0.1.3', LUCA.email, LUCA.password)).statusCode, 423)
  })

  it('ends by itself after 15 minutes: the right password signs in, failures forgotten', async () => {
    advance(15 * 60_000)
    const right = await signIn('10.0.1.4', LUCA.email, LUCA.password)
    assert.equal(right.statusCode, 200, right.body)
    const luca = (await app.inject({ url: '/v1/agents', headers: bearerOf(adminToken) })).json().find((a: { id: string }) => a.id === lucaId)
    assert.deepEqual([luca.lockedUntil, luca.failedSignIns], [null, 0])
  })

  it('can be lifted by an admin (POST /v1/agents/:id/unlock), not by an agent', async () => {
    for (let i = 0; i < 10; i++) {
      await signIn('10.0.1.5', LUCA.email, `another wrong guess ${i}`)
      advance(61_000)
    }
    assert.equal((await signIn('10.0.1.6', LUCA.email, LUCA.password)).statusCode, 423)
    const byAgent = await app.inject({ method: 'POST', url: `/v1/agents/${lucaId}/unlock`, headers: { cookie: agentCookie } })
    assert.equal(byAgent.statusCode, 403)
    const unknown = await app.inject({ method: 'POST', url: '/v1/agents/agt_nobody/unlock', headers: bearerOf(adminToken) })
    assert.equal(unknown.statusCode, 404)
    const unlocked = await app.inject({ method: 'POST', url: `/v1/agents/${lucaId}/unlock`, headers: bearerOf(adminToken) })
    assert.equal(unlocked.statusCode, 200, unlocked.body)
    assert.deepEqual([unlocked.json().lockedUntil, unlocked.json().failedSignIns], [null, 0])
    assert.equal((await signIn('10.0.1.6', LUCA.email, LUCA.password)).statusCode, 200)
  })
})

describe('unknown emails', () => {
  it('get the same answers as a known account with a wrong password: no user enumeration', async () => {
    const statuses = async (address: string, email: string) => {
      const seen: number[] = []
      for (let i = 0; i < 13; i++) {
        seen.push((await signIn(address, email, `guess number ${i}`)).statusCode)
        if (i >= 3) advance(61_000)
      }
      return seen
    }
    const known = await statuses('10.0.2.1', 'anna@alpenblick.ch')
    const unknown = await statuses('10.0.2.2', 'nobody@alpenblick.ch')
    assert.deepEqual(unknown, known)
    assert.deepEqual(known, [401, 401, 401, 429, 401, 401, 401, 401, 401, 401, 401, 423, 423])
  })
})

const bearerOf = (token: string) => ({ authorization: `Bearer ${token}` })
