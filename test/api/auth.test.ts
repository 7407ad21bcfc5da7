import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../support/test-app.js'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

describe('API tokens', () => {
  it('are accepted as Authorization: Bearer and as x-access-token', async () => {
    const token = t.token(['guest.conversation.read'])
    assert.equal((await t.app.inject({ url: '/v1/conversations', headers: bearer(token) })).statusCode, 200)
    assert.equal((await t.app.inject({ url: '/v1/conversations', headers: { 'x-access-token': token } })).statusCode, 200)
  })

  it('are stored only as hashes', () => {
    const token = t.token(['guest.conversation.read'])
    const stored = t.db.prepare('SELECT token_hash FROM api_tokens').all() as { token_hash: string }[]
    assert.ok(stored.every((row) => row.token_hash !== token && !row.token_hash.includes(token)))
    assert.ok(stored.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash)))
  })

  it('missing, malformed or unknown tokens get 401 as problem details', async () => {
    for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer' }, { 'x-access-token': 'fdk_unknown' }]) {
      const response = await t.app.inject({ url: '/v1/conversations', headers })
      assert.equal(response.statusCode, 401, JSON.stringify(headers))
      assert.equal(response.json().title, 'Unauthorized')
    }
  })

  it('a token without the scope gets 403 naming the scope', async () => {
    const response = await t.app.inject({ url: '/v1/conversations', headers: bearer(t.token(['reservation.write'])) })
    assert.equal(response.statusCode, 403)
    assert.match(response.json().detail, /guest\.conversation\.read/)
  })

  it('admin holds every scope; only admin may add a property', async () => {
    const body = { name: 'Hotel Lago', defaultCountry: 'it', timeZone: 'Europe/Rome' }
    assert.equal((await t.app.inject({ method: 'POST', url: '/v1/properties', headers: bearer(t.token()), payload: body })).statusCode, 403)
    const created = await t.app.inject({ method: 'POST', url: '/v1/properties', headers: bearer(t.token(['admin'])), payload: body })
    assert.equal(created.statusCode, 201)
    assert.equal(created.json().defaultCountry, 'IT')
    const bad = await t.app.inject({
      method: 'POST',
      url: '/v1/properties',
      headers: bearer(t.token(['admin'])),
      payload: { ...body, timeZone: 'Mars/Olympus' },
    })
    assert.equal(bad.statusCode, 400)
  })

  it('a token bound to a property pushes there, reads phones in its country and sees only its conversations', async () => {
    const admin = t.token(['admin'])
    const lago = (
      await t.app.inject({ method: 'POST', url: '/v1/properties', headers: bearer(admin), payload: { name: 'Lago 2', defaultCountry: 'IT' } })
    ).json()
    const lagoToken = t.token(['guest.conversation.write', 'guest.conversation.read'], lago.id)
    const pushed = await t.app.inject({
      method: 'POST',
      url: PUSH_URL,
      headers: bearer(lagoToken),
      payload: { messages: [pushedMessage({ phone: '322 555 1234' })] },
    })
    assert.equal(pushed.statusCode, 201)
    const conversationId = pushed.json()[0].conversationId
    const seen = (await t.app.inject({ url: `/v1/conversations/${conversationId}`, headers: bearer(lagoToken) })).json()
    assert.equal(seen.propertyId, lago.id)
    assert.deepEqual(seen.guest.identity, { type: 'phone', value: '+393225551234' })

    const other = await t.app.inject({
      method: 'POST',
      url: PUSH_URL,
      headers: bearer(admin),
      payload: { messages: [pushedMessage({ phone: '+41795550001' })] },
    })
    const otherId = other.json()[0].conversationId
    assert.equal((await t.app.inject({ url: `/v1/conversations/${otherId}`, headers: bearer(lagoToken) })).statusCode, 404)
    const listed = (await t.app.inject({ url: '/v1/conversations', headers: bearer(lagoToken) })).json()
    assert.deepEqual(
      listed.items.map((c: { id: string }) => c.id),
      [conversationId],
    )
    assert.equal(
      (await t.app.inject({ url: `/v1/conversations?propertyId=${t.app.store.properties.first()!.id}`, headers: bearer(lagoToken) })).statusCode,
      403,
    )
  })
})

describe('rate limits', () => {
  it('answer 429 past the per-token limit', async () => {
    const limited = await (await import('../support/test-app.js')).startTestApp({ rateLimitPerMinute: 3 })
    try {
      const token = limited.token(['guest.conversation.read'])
      const codes: number[] = []
      for (let i = 0; i < 5; i++) codes.push((await limited.app.inject({ url: '/v1/conversations', headers: bearer(token) })).statusCode)
      assert.deepEqual(codes, [200, 200, 200, 429, 429])
    } finally {
      await limited.close()
    }
  })
})
