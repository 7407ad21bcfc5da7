import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../support/test-app.js'

const NOW = Date.parse('2026-03-10T12:00:00Z')
const hoursAgo = (h: number) => new Date(NOW - h * 3600_000).toISOString()

let t: TestApp
let token: string
let ids: Record<string, string>

before(async () => {
  t = await startTestApp({ clock: () => NOW })
  token = t.token(['admin'])
  const push = async (message: object) =>
    (await t.app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(token), payload: { messages: [message] } })).json()[0].conversationId
  ids = {
    fresh: await push(pushedMessage({ phone: '+41794440001', at: hoursAgo(1), text: 'Do you have parking?' })),
    phoneCall: await push(pushedMessage({ phone: '+41794440002', at: hoursAgo(5), platform: 'PHONE_CALL' })),
    oldGuest: await push(pushedMessage({ email: 'old.guest@example.com', at: hoursAgo(30) })),
    staffOnly: await push(pushedMessage({ phone: '+41794440003', at: hoursAgo(2), direction: 'SENT' })),
    lastMonth: await push(pushedMessage({ phone: '+41794440004', at: hoursAgo(24 * 20) })),
  }
  await t.app.inject({
    method: 'POST',
    url: '/v1/reservations',
    headers: bearer(token),
    payload: {
      confirmationNumber: 'R-1',
      guest: { firstName: 'Maria', lastName: 'Rossi', phone: '+41794440002' },
      arrival: '2026-03-11',
      departure: '2026-03-12',
      status: 'confirmed',
    },
  })
})
after(() => t.close())

const list = async (query = '') => {
  const response = await t.app.inject({ url: `/v1/conversations${query}`, headers: bearer(token) })
  assert.equal(response.statusCode, 200, response.body)
  return response.json() as { items: { id: string; status: string; channel: string; guest: { name: string | null } }[]; nextCursor: string | null }
}
const listIds = async (query = '') => (await list(query)).items.map((c) => c.id)

describe('GET /v1/conversations', () => {
  it('lists newest activity first', async () => {
    assert.deepEqual(await listIds(), [ids.fresh, ids.staffOnly, ids.phoneCall, ids.oldGuest, ids.lastMonth])
  })

  it('filters by channel', async () => {
    assert.deepEqual(await listIds('?channel=phone'), [ids.phoneCall])
    assert.equal((await t.app.inject({ url: '/v1/conversations?channel=pigeon', headers: bearer(token) })).statusCode, 400)
  })

  it("filters by status: active for 24 h after the guest's last message, then expired", async () => {
    assert.deepEqual(await listIds('?status=active'), [ids.fresh, ids.phoneCall])
    assert.deepEqual(await listIds('?status=expired'), [ids.staffOnly, ids.oldGuest, ids.lastMonth])
    const items = (await list()).items
    assert.equal(items.find((c) => c.id === ids.fresh)!.status, 'active')
    assert.equal(items.find((c) => c.id === ids.oldGuest)!.status, 'expired')
  })

  it('filters by a date range of last activity', async () => {
    assert.deepEqual(await listIds(`?from=${hoursAgo(48)}&to=${hoursAgo(3)}`), [ids.phoneCall, ids.oldGuest])
    assert.equal((await t.app.inject({ url: '/v1/conversations?from=last-week', headers: bearer(token) })).statusCode, 400)
  })

  it('filters by property', async () => {
    const property = t.app.store.properties.first()!
    assert.equal((await listIds(`?propertyId=${property.id}`)).length, 5)
    assert.deepEqual(await listIds('?propertyId=prop_other'), [])
  })

  it("searches the guest's name, email and phone", async () => {
    assert.deepEqual(await listIds('?q=rossi'), [ids.phoneCall])
    assert.deepEqual(await listIds('?q=Maria%20Rossi'), [ids.phoneCall])
    assert.deepEqual(await listIds('?q=old.guest'), [ids.oldGuest])
    assert.deepEqual(await listIds('?q=4440001'), [ids.fresh])
    assert.deepEqual(await listIds('?q=079%20444%2000%2001'), [ids.fresh])
    assert.deepEqual(await listIds('?q=%2B41%2079%20444%2000%2001'), [ids.fresh])
    assert.deepEqual(await listIds('?q=zz'), [])
    assert.equal((await list('?q=ro')).items.length >= 1, true)
  })

  it('pages with an opaque cursor until nothing is left', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...page.items.map((c) => c.id))
      cursor = page.nextCursor
    } while (cursor)
    assert.deepEqual(seen, await listIds())
    assert.equal((await t.app.inject({ url: '/v1/conversations?cursor=garbage', headers: bearer(token) })).statusCode, 400)
    assert.equal((await t.app.inject({ url: '/v1/conversations?limit=101', headers: bearer(token) })).statusCode, 400)
  })

  it('treats search text literally, whatever punctuation it holds', async () => {
    for (const q of ['"', 'a"b', 'rossi*', '(maria OR anna)', 'NEAR(a b)', '%_%', '\\', "'; DROP TABLE conversations; --"]) {
      const response = await t.app.inject({ url: `/v1/conversations?q=${encodeURIComponent(q)}`, headers: bearer(token) })
      assert.equal(response.statusCode, 200, `${q}: ${response.body}`)
    }
    assert.deepEqual(await listIds(`?q=${encodeURIComponent('rossi*')}`), [])
    assert.equal((await listIds()).length, 5)
  })

  it('combines filters', async () => {
    assert.deepEqual(await listIds('?status=active&channel=web_chat&q=4440001'), [ids.fresh])
  })
})

describe('GET /v1/conversations/:id and its messages', () => {
  it('returns the conversation with its guest and summary', async () => {
    const response = await t.app.inject({ url: `/v1/conversations/${ids.phoneCall}`, headers: bearer(token) })
    assert.equal(response.statusCode, 200)
    const conversation = response.json()
    assert.equal(conversation.channel, 'phone')
    assert.equal(conversation.guest.name, 'Maria Rossi')
    assert.match(conversation.guest.id, /^gst_/)
    assert.deepEqual(conversation.guest.identity, { type: 'phone', value: '+41794440002' })
    assert.equal(conversation.unreadCount, 1)
    assert.equal(conversation.messageCount, 1)
  })

  it('returns messages newest first and pages back with a cursor', async () => {
    const messages = Array.from({ length: 5 }, (_, i) => pushedMessage({ phone: '+41794440001', text: `later ${i}`, at: hoursAgo(0.5 - i * 0.01) }))
    await t.app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(token), payload: { messages } })
    const first = (await t.app.inject({ url: `/v1/conversations/${ids.fresh}/messages?limit=4`, headers: bearer(token) })).json()
    assert.deepEqual(
      first.items.map((m: { content: { text: string } }) => m.content.text),
      ['later 4', 'later 3', 'later 2', 'later 1'],
    )
    const second = (await t.app.inject({ url: `/v1/conversations/${ids.fresh}/messages?limit=4&before=${first.nextCursor}`, headers: bearer(token) })).json()
    assert.deepEqual(
      second.items.map((m: { content: { text: string } }) => m.content.text),
      ['later 0', 'Do you have parking?'],
    )
    assert.equal(second.nextCursor, null)
  })

  it('answers 404 for unknown ids and 400 for a foreign cursor', async () => {
    const missing = await t.app.inject({ url: '/v1/conversations/conv_missing', headers: bearer(token) })
    assert.equal(missing.statusCode, 404)
    assert.equal(missing.headers['content-type'], 'application/problem+json; charset=utf-8')
    assert.equal(missing.json().status, 404)
    assert.equal((await t.app.inject({ url: '/v1/conversations/conv_missing/messages', headers: bearer(token) })).statusCode, 404)
    assert.equal((await t.app.inject({ url: `/v1/conversations/${ids.fresh}/messages?before=msg_nope`, headers: bearer(token) })).statusCode, 400)
  })
})
