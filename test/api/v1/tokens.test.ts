import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { LAST_USED_RESOLUTION_MS } from '../../../local-api/services/api-tokens.js'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

let t: TestApp
let now = Date.parse('2026-12-01T09:00:00Z')
let admin: string
let adminCookie: string
let otherProperty: string
const firstProperty = () => t.app.store.properties.first()!.id

before(async () => {
  t = await startTestApp({ clock: () => now })
  admin = t.token(['admin'])
  const setup = await t.app.inject({
    method: 'POST',
    url: '/v1/setup',
    payload: {
      property: { name: 'Hotel Lago', defaultCountry: 'CH', timeZone: 'Europe/Zurich' },
      admin: { name: 'Sara Brunner', email: 'sara@hotel-lago.ch', password: 'lakeside view 1' },
    },
  })
  assert.equal(setup.statusCode, 201, setup.body)
  adminCookie = String([setup.headers['set-cookie']].flat().find((c) => String(c).startsWith('frontdesk_session='))).split(';')[0]!
  const property = await t.app.inject({
    method: 'POST',
    url: '/v1/properties',
    headers: bearer(admin),
    payload: { name: 'Hotel Monte', defaultCountry: 'IT', timeZone: 'Europe/Rome' },
  })
  assert.equal(property.statusCode, 201, property.body)
  otherProperty = property.json().id
})
after(() => t.close())

const create = (body: object, headers: Record<string, string> = bearer(admin)) => t.app.inject({ method: 'POST', url: '/v1/tokens', headers, payload: body })
const list = (headers: Record<string, string> = bearer(admin)) => t.app.inject({ url: '/v1/tokens', headers })

describe('API tokens', () => {
  let chat: { id: string; token: string }

  it('are created by an admin, the secret shown once', async () => {
    const response = await create({ name: 'website chat', scopes: ['guest.conversation.write', 'guest.conversation.read'] })
    assert.equal(response.statusCode, 201, response.body)
    const body = response.json()
    assert.match(body.token, /^fdk_[A-Za-z0-9_-]{43}$/)
    assert.match(body.id, /^tok_/)
    assert.deepEqual(
      { ...body, id: undefined, token: undefined },
      {
        id: undefined,
        token: undefined,
        name: 'website chat',
        scopes: ['guest.conversation.write', 'guest.conversation.read'],
        propertyId: null,
        createdAt: new Date(now).toISOString(),
        lastUsedAt: null,
        revokedAt: null,
      },
    )
    chat = body
    const pushed = await t.app.inject({ url: '/v1/conversations', headers: bearer(chat.token) })
    assert.equal(pushed.statusCode, 200)
  })

  it('are listed with name, scopes, property, created and last used — never the secret or its hash', async () => {
    const response = await list()
    assert.equal(response.statusCode, 200)
    const tokens = response.json()
    const listed = tokens.find((token: { id: string }) => token.id === chat.id)
    assert.deepEqual(Object.keys(listed).sort(), ['createdAt', 'id', 'lastUsedAt', 'name', 'propertyId', 'revokedAt', 'scopes'])
    assert.equal(listed.lastUsedAt, new Date(now).toISOString())
    const raw = response.body
    assert.ok(!raw.includes(chat.token) && !raw.includes('tokenHash') && !/[0-9a-f]{64}/.test(raw), 'no secret and no hash in the list')
    // The session of an admin agent sees the same list.
    assert.equal((await list({ cookie: adminCookie })).json().length, tokens.length)
  })

  it('record their last use at most once a minute', async () => {
    const first = now
    now += 30_000
    await t.app.inject({ url: '/v1/conversations', headers: bearer(chat.token) })
    const lastUsed = () => list().then((r) => r.json().find((token: { id: string }) => token.id === chat.id).lastUsedAt)
    assert.equal(await lastUsed(), new Date(first).toISOString(), 'not written again within the minute')
    now += LAST_USED_RESOLUTION_MS
    await t.app.inject({ url: '/v1/conversations', headers: bearer(chat.token) })
    assert.equal(await lastUsed(), new Date(now).toISOString())
  })

  it('are revoked by an admin and refused (401) from the next request on, everywhere', async () => {
    const revoked = await t.app.inject({ method: 'DELETE', url: `/v1/tokens/${chat.id}`, headers: bearer(admin) })
    assert.equal(revoked.statusCode, 204)
    assert.equal(revoked.body, '')
    for (const url of ['/v1/conversations', '/api/unified-messaging-service/guest-conversations/conv_x', '/3rd/conversations/conv_x/messages', '/v1/events']) {
      const response = await t.app.inject({ url, headers: bearer(chat.token) })
      assert.equal(response.statusCode, 401, `${url}: ${response.body}`)
    }
    assert.equal((await t.app.inject({ url: '/3rd/conversations/conv_x/messages', headers: { 'x-access-token': chat.token } })).statusCode, 401)
    const listed = (await list()).json().find((token: { id: string }) => token.id === chat.id)
    assert.equal(listed.revokedAt, new Date(now).toISOString())
  })

  it('keep their first revocation time when revoked again; an unknown id is 404', async () => {
    now += 60_000
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/v1/tokens/${chat.id}`, headers: bearer(admin) })).statusCode, 204)
    const listed = (await list()).json().find((token: { id: string }) => token.id === chat.id)
    assert.equal(listed.revokedAt, new Date(now - 60_000).toISOString())
    const unknown = await t.app.inject({ method: 'DELETE', url: '/v1/tokens/tok_nothing', headers: bearer(admin) })
    assert.equal(unknown.statusCode, 404)
    assert.match(String(unknown.headers['content-type']), /problem\+json/)
  })

  it('need the admin scope (or an admin agent) for every route', async () => {
    const writer = t.token(['guest.conversation.write', 'guest.conversation.read', 'reservation.write', 'reservation.read'])
    assert.equal((await list(bearer(writer))).statusCode, 403)
    assert.equal((await create({ name: 'x', scopes: ['admin'] }, bearer(writer))).statusCode, 403)
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/v1/tokens/${chat.id}`, headers: bearer(writer) })).statusCode, 403)
    assert.equal((await list({})).statusCode, 401)
    assert.equal((await list(bearer('fdk_junk'))).statusCode, 401)
    const agent = await t.app.inject({
      method: 'POST',
      url: '/v1/agents',
      headers: bearer(admin),
      payload: { name: 'Luca Meier', email: 'luca@hotel-lago.ch', password: 'night shift 2026', role: 'agent' },
    })
    assert.equal(agent.statusCode, 201, agent.body)
    const signedIn = await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email: 'luca@hotel-lago.ch', password: 'night shift 2026' } })
    const agentCookie = String([signedIn.headers['set-cookie']].flat()[0]).split(';')[0]!
    assert.equal((await list({ cookie: agentCookie })).statusCode, 403)
  })

  it('refuse bad input with 400', async () => {
    for (const body of [
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['root'] },
      { name: '   ', scopes: ['admin'] },
      { name: 'x' },
      { name: 'x', scopes: ['admin'], extra: 1 },
      { name: 'x', scopes: ['admin', 'admin'] },
    ]) {
      const response = await create(body)
      assert.equal(response.statusCode, 400, JSON.stringify(body))
    }
    const noProperty = await create({ name: 'x', scopes: ['admin'], propertyId: 'prop_nothing' })
    assert.equal(noProperty.statusCode, 400)
    assert.match(noProperty.json().detail, /names no property/)
  })

  it("bound to a property see, make and revoke only that property's tokens", async () => {
    const bound = await create({ name: 'Monte admin', scopes: ['admin'], propertyId: otherProperty })
    assert.equal(bound.statusCode, 201)
    const boundToken = bound.json().token
    const lagoToken = await create({ name: 'Lago PMS', scopes: ['reservation.write'], propertyId: firstProperty() })
    const seen = (await list(bearer(boundToken))).json()
    assert.deepEqual(
      seen.map((token: { name: string }) => token.name),
      ['Monte admin'],
    )
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/v1/tokens/${lagoToken.json().id}`, headers: bearer(boundToken) })).statusCode, 404)
    assert.equal((await create({ name: 'every property', scopes: ['admin'], propertyId: null }, bearer(boundToken))).statusCode, 403)
    assert.equal((await create({ name: 'Lago', scopes: ['admin'], propertyId: firstProperty() }, bearer(boundToken))).statusCode, 403)
    const own = await create({ name: 'Monte chat', scopes: ['guest.conversation.write'] }, bearer(boundToken))
    assert.equal(own.statusCode, 201)
    assert.equal(own.json().propertyId, otherProperty, "a bound caller's new token is bound to its property")
  })
})
