import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { rmSync } from 'node:fs'
import { openStore, type Store } from '../../../local-api/db/store.js'
import { buildServer, type App } from '../../../local-api/server.js'
import { createApiToken } from '../../../local-api/services/api-tokens.js'
import { createServices } from '../../../local-api/services/index.js'
import { createProperty } from '../../../local-api/services/properties.js'
import type { IncomingMessage } from '../../../local-api/services/ingest.js'
import { bearer, tempDir } from '../../support/test-app.js'

const HOUR = 3600_000
const T0 = Date.parse('2026-03-10T00:00:00Z')
const PERIOD = { from: new Date(T0).toISOString(), to: new Date(T0 + 24 * HOUR).toISOString() }

let dir: string
let store: Store
let app: App
let token: string

/**
 * A constructed day: A starts a session, is answered by the AI agent from the knowledge base in 2 s
 * and becomes a converted lead; B wrote 12 h before (same session), got a slow answer and a human
 * took over, an unconverted lead; C starts a new session after 35 h of silence, from a visitor
 * without phone or email, and staff answer in 3 s; D is from last week.
 */
before(async () => {
  dir = tempDir()
  store = openStore(dir)
  let now = T0
  const services = createServices(store, { clock: () => now })
  const property = createProperty(store, { name: 'Hotel', defaultCountry: 'CH' }, T0 - 30 * 24 * HOUR)
  const guest = (identity: IncomingMessage['identity'], text: string, at: number): string => {
    now = at
    const outcome = services.ingest.ingest(property, [{ channel: 'web_chat', identity, direction: 'in', content: { type: 'text', text }, createdAt: at }])
    assert.ok(outcome.ok)
    return outcome.value[0]!.conversationId
  }
  const botReply = (conversationId: string, at: number, latencyMs: number, tools: ('rag' | 'pms')[]) => {
    now = at
    assert.ok(
      services.ingest.ingest(property, [
        {
          channel: 'web_chat',
          conversationId,
          direction: 'out',
          author: 'bot',
          meta: { tools, latencyMs },
          content: { type: 'text', text: 'Answer' },
          createdAt: at,
        },
      ]).ok,
    )
  }
  const phone = (value: string) => ({ kind: 'phone' as const, value })

  const a = guest(phone('+41795570001'), 'Is there parking?', T0 + 1 * HOUR)
  botReply(a, T0 + 1 * HOUR + 2000, 2000, ['rag'])
  now = T0 + 2 * HOUR
  services.leads.capture(store.conversations.get(a)!)

  guest({ kind: 'email', value: 'b@example.com' }, 'Hello', T0 - 2 * HOUR)
  const b = guest({ kind: 'email', value: 'b@example.com' }, 'Hello again', T0 + 10 * HOUR)
  botReply(b, T0 + 10 * HOUR + 8000, 8000, ['rag'])
  now = T0 + 11 * HOUR
  services.conversations.setMode(store.conversations.get(b)!, 'human', 'system')
  services.leads.capture(store.conversations.get(b)!)

  guest({ kind: 'onsite_contact', value: 'oc_c' }, 'First visit', T0 - 30 * HOUR)
  const c = guest({ kind: 'onsite_contact', value: 'oc_c' }, 'Back again', T0 + 5 * HOUR)
  now = T0 + 5 * HOUR + 3000
  assert.ok(
    services.ingest.ingest(property, [
      { channel: 'web_chat', conversationId: c, direction: 'out', content: { type: 'text', text: 'Welcome back!' }, createdAt: now },
    ]).ok,
  )

  const d = guest(phone('+41795570004'), 'Last week', T0 - 5 * 24 * HOUR)
  now = T0 - 5 * 24 * HOUR
  services.leads.capture(store.conversations.get(d)!)

  // A's lead books.
  now = T0 + 20 * HOUR
  assert.ok(
    services.reservations.upsert(property, {
      confirmationNumber: 'A-1',
      phone: '+41795570001',
      arrival: '2026-04-01',
      departure: '2026-04-02',
      status: 'confirmed',
    }).ok,
  )

  app = await buildServer({ store, clock: () => T0 + 30 * HOUR })
  await app.ready()
  token = createApiToken(store, { name: 'stats', scopes: ['guest.conversation.read'] }).token
})
after(async () => {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
})

const stats = async (query: string) => {
  const response = await app.inject({ url: `/v1/stats?${query}`, headers: bearer(token) })
  assert.equal(response.statusCode, 200, response.body)
  return Object.fromEntries(
    (response.json().metrics as { key: string; value: number | null; numerator?: number; denominator?: number }[]).map((m) => [m.key, m]),
  )
}

describe('GET /v1/stats', () => {
  it('computes each metric by its definition over the constructed day', async () => {
    const m = await stats(`from=${PERIOD.from}&to=${PERIOD.to}`)
    assert.equal(m.activeConversations!.value, 2, 'A (first message) and C (after 35 h); not B (12 h after its last)')
    assert.deepEqual(
      [m.responseRate!.value, m.responseRate!.numerator, m.responseRate!.denominator],
      [66.7, 2, 3],
      'A (the AI agent, 2 s) and C (staff, 3 s); not B (8 s)',
    )
    assert.equal(m.faqResolved!.value, 1, 'A; B was answered from the knowledge base but handed to a human')
    assert.equal(m.humanTransfers!.value, 1)
    assert.equal(m.capturedLeads!.value, 2, 'A (phone) and B (email); not C (a visitor)')
    assert.deepEqual([m.conversionRate!.value, m.conversionRate!.numerator, m.conversionRate!.denominator], [50, 1, 2], 'A of A and B; D is from before')
  })

  it('carries a definition for every metric, and says null when there is nothing to divide', async () => {
    const response = (await app.inject({ url: `/v1/stats?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z`, headers: bearer(token) })).json()
    assert.ok(response.metrics.every((m: { definition: string }) => m.definition.length > 20))
    const m = Object.fromEntries(response.metrics.map((x: { key: string; value: number | null }) => [x.key, x.value]))
    assert.deepEqual(m, { activeConversations: 0, responseRate: null, faqResolved: 0, humanTransfers: 0, capturedLeads: 0, conversionRate: null })
  })

  it('refuses a backwards or missing period', async () => {
    assert.equal((await app.inject({ url: `/v1/stats?from=${PERIOD.to}&to=${PERIOD.from}`, headers: bearer(token) })).statusCode, 400)
    assert.equal((await app.inject({ url: '/v1/stats', headers: bearer(token) })).statusCode, 400)
  })
})

describe('GET /v1/stats/series', () => {
  it('gives the metrics per day', async () => {
    const from = new Date(T0 - 24 * HOUR).toISOString()
    const to = new Date(T0 + 24 * HOUR).toISOString()
    const series = (await app.inject({ url: `/v1/stats/series?from=${from}&to=${to}&bucket=day`, headers: bearer(token) })).json()
    assert.deepEqual(
      series.points.map((p: { from: string }) => p.from),
      [from, PERIOD.from],
    )
    assert.deepEqual(
      series.points.map((p: { values: { activeConversations: number } }) => p.values.activeConversations),
      [1, 2],
    )
  })

  it('gives them per ISO week, Monday first', async () => {
    const series = (await app.inject({ url: `/v1/stats/series?from=2026-03-01T00:00:00Z&to=2026-03-20T00:00:00Z&bucket=week`, headers: bearer(token) })).json()
    assert.deepEqual(
      series.points.map((p: { from: string }) => p.from.slice(0, 10)),
      ['2026-03-01', '2026-03-02', '2026-03-09', '2026-03-16'],
    )
  })
})
