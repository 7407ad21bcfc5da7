import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { parse } from 'csv-parse/sync'
import { grants, SCOPES, type Scope } from '../../local-api/domain/scopes.js'
import type { App } from '../../local-api/server.js'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../support/test-app.js'

/**
 * What every route of the desk needs. Generated checks below walk the server's own route table, so
 * a route added without an entry here fails this test: add it, with the scope it requires.
 * - `public`: no credential (pages, docs, health, setup, sign-in/out);
 * - `body`: the credential comes in the body (the Interactive dialect's sessionToken);
 * - a scope: a token (or a signed-in agent) holding it, or admin;
 * - `deskWide`: changes (or reads) the whole desk: a token bound to a property is refused (403) even as admin;
 * - `stream`: a live stream, checked only for refusals here (test/api/v1/events.test.ts reads it).
 */
type Rule = { need: 'public' | 'body' | Scope; deskWide?: true; stream?: true }
const PUBLIC: Rule = { need: 'public' }
const READ: Rule = { need: 'guest.conversation.read' }
const WRITE: Rule = { need: 'guest.conversation.write' }
const ADMIN: Rule = { need: 'admin' }
const DESK_ADMIN: Rule = { need: 'admin', deskWide: true }

const EXPECTED: Record<string, Rule> = {
  // The inbox's pages and the OpenAPI document: public (the page asks the API, which checks).
  'GET /': PUBLIC,
  'GET /*': PUBLIC,
  'GET /agents': PUBLIC,
  'GET /arrivals': PUBLIC,
  'GET /setup': PUBLIC,
  'GET /settings': PUBLIC,
  'GET /sign-in': PUBLIC,
  'GET /stats': PUBLIC,
  'GET /leads': PUBLIC,
  'GET /knowledge': PUBLIC,
  'GET /templates': PUBLIC,
  'GET /conversations/:id': PUBLIC,
  'GET /docs': PUBLIC,
  'GET /docs/': PUBLIC,
  'GET /docs/*': PUBLIC,
  'GET /docs/json': PUBLIC,
  'GET /docs/yaml': PUBLIC,
  'GET /docs/static/index.html': PUBLIC,
  'GET /docs/static/swagger-initializer.js': PUBLIC,
  'GET /v1/health': PUBLIC,
  'GET /v1/setup': PUBLIC,
  'POST /v1/setup': PUBLIC,
  'POST /v1/session': PUBLIC,
  'DELETE /v1/session': PUBLIC,
  'GET /v1/session': READ,
  'PUT /v1/session/password': READ,
  'PUT /v1/session/language': READ,

  // Conversations, messages and everything about them.
  'GET /v1/conversations': READ,
  'GET /v1/conversations/:id': READ,
  'GET /v1/conversations/counts': READ,
  'GET /v1/conversation-channels': READ,
  'GET /v1/conversation-languages': READ,
  'GET /v1/conversations/:id/translations': READ,
  'POST /v1/translate': WRITE,
  'POST /v1/conversations/:id/resolve': WRITE,
  'POST /v1/conversations/:id/snooze': WRITE,
  'POST /v1/conversations/:id/reopen': WRITE,
  'GET /v1/conversations/:id/messages': READ,
  'POST /v1/conversations/:id/messages': WRITE,
  'POST /v1/conversations/:id/notes': WRITE,
  'POST /v1/conversations/:id/read': WRITE,
  'POST /v1/conversations/:id/unread': WRITE,
  'GET /v1/conversations/:id/suggestion': READ,
  'POST /v1/conversations/:id/suggestion/send': WRITE,
  'POST /v1/conversations/:id/suggestion/dismiss': WRITE,
  'GET /v1/conversations/:id/guest': READ,
  'PUT /v1/conversations/:id/mode': WRITE,
  'PUT /v1/conversations/:id/assignee': WRITE,
  'GET /v1/conversations/:id/events': READ,
  'POST /v1/conversations/:id/lead': WRITE,
  'GET /v1/conversations/:id/service-record': READ,
  'PUT /v1/conversations/:id/service-record': WRITE,
  'GET /v1/conversations/:id/suggestions': WRITE,
  'POST /v1/conversations/:id/suggestions/:suggestionId/link': WRITE,
  'POST /v1/conversations/:id/suggestions/:suggestionId/dismiss': WRITE,
  'GET /v1/conversations/:id/templates/:templateId': READ,
  'POST /v1/messages': WRITE,
  'POST /v1/messages/:id/retry-delivery': WRITE,
  'POST /v1/attachments': WRITE,
  'GET /v1/attachments/:id': READ,
  'GET /v1/events': { need: 'guest.conversation.read', stream: true },
  'GET /v1/export.csv': READ,
  'GET /v1/stats': READ,
  'GET /v1/stats/series': READ,
  'GET /v1/arrivals': READ,
  'GET /v1/leads': READ,
  'PATCH /v1/leads/:id': WRITE,
  'GET /v1/notifications': READ,
  'POST /v1/notifications/read': WRITE,

  // Guests are shared by every property: merges are for staff and unbound tokens.
  'POST /v1/guests/:id/merge': { need: 'guest.conversation.write', deskWide: true },
  'GET /v1/guest-merges': { need: 'guest.conversation.read', deskWide: true },
  'POST /v1/guest-merges/:id/undo': { need: 'guest.conversation.write', deskWide: true },

  'POST /v1/reservations': { need: 'reservation.write' },
  'GET /v1/reservations/:id': { need: 'reservation.read' },
  'POST /v1/reservations/:id/guest-sessions': { need: 'reservation.write' },

  // The property's catalogue: read by everyone working it, changed by admins (of that property).
  'GET /v1/properties': READ,
  'POST /v1/properties': DESK_ADMIN,
  'PATCH /v1/properties/:id': ADMIN,
  'GET /v1/channel-accounts': READ,
  'POST /v1/channel-accounts': ADMIN,
  'PATCH /v1/channel-accounts/:id': ADMIN,
  'GET /v1/custom-fields': READ,
  'POST /v1/custom-fields': ADMIN,
  'PATCH /v1/custom-fields/:id': ADMIN,
  'GET /v1/templates': READ,
  'POST /v1/templates': ADMIN,
  'PATCH /v1/templates/:id': ADMIN,
  'DELETE /v1/templates/:id': ADMIN,
  'GET /v1/outlets': READ,
  'POST /v1/outlets': ADMIN,
  'PATCH /v1/outlets/:id': ADMIN,
  'GET /v1/knowledge': READ,
  'GET /v1/knowledge/usage': READ,
  'POST /v1/knowledge': ADMIN,
  'PATCH /v1/knowledge/:id': ADMIN,
  'DELETE /v1/knowledge/:id': ADMIN,
  'GET /v1/tokens': ADMIN,
  'POST /v1/tokens': ADMIN,
  'DELETE /v1/tokens/:id': ADMIN,

  // The whole desk: its staff, its settings, its sync.
  'GET /v1/agents': READ,
  'POST /v1/agents': DESK_ADMIN,
  'PATCH /v1/agents/:id': DESK_ADMIN,
  'POST /v1/agents/:id/unlock': DESK_ADMIN,
  'GET /v1/settings/llm': DESK_ADMIN,
  'GET /v1/settings/agent': ADMIN,
  'PUT /v1/settings/agent': ADMIN,
  'PUT /v1/settings/llm': DESK_ADMIN,
  'DELETE /v1/settings/llm': DESK_ADMIN,
  'GET /v1/settings/translation': ADMIN,
  'PUT /v1/settings/translation': ADMIN,
  'DELETE /v1/settings/translation': ADMIN,
  'GET /v1/sync': READ,
  'POST /v1/sync/now': WRITE,
  'PUT /v1/sync': DESK_ADMIN,
  'POST /v1/sync/parked/retry': DESK_ADMIN,

  // Dialects.
  'POST /api/unified-messaging-service/guest-conversations/messages': WRITE,
  'GET /api/unified-messaging-service/guest-conversations/messages/:messageId': READ,
  'GET /api/unified-messaging-service/guest-conversations/by-user-profile-id/:userProfileId': READ,
  'GET /api/unified-messaging-service/guest-conversations/:conversationId': READ,
  'GET /api/unified-messaging-service/guest-conversations/:conversationId/messages': READ,
  'POST /api/onsite-account/:onsite_account/text-call': WRITE,
  'POST /API/V40/Interactive/Messages/Conversations': { need: 'body' },
  'GET /3rd/conversations/links': READ,
  'GET /3rd/conversations/:conversation_id/messages': READ,
}

/** Every method + URL the server answers (HEAD and OPTIONS follow their GET), read from its route table. */
export function routeTable(app: App): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = []
  const path: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line)
    if (!match) continue
    path.length = match[1]!.length / 4
    path.push(match[2]!)
    for (const method of match[3]?.split(', ') ?? []) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url: path.join('') })
    }
  }
  return routes
}

let t: TestApp
let routes: { method: string; url: string }[]
let propertyA: string
let propertyB: string
before(async () => {
  t = await startTestApp()
  routes = routeTable(t.app)
  propertyA = t.app.store.properties.first()!.id
  propertyB = (
    await t.app.inject({ method: 'POST', url: '/v1/properties', headers: bearer(t.token(['admin'])), payload: { name: 'Hotel B', defaultCountry: 'CH' } })
  ).json().id
})
after(() => t.close())

/** A concrete URL for a route: every parameter a made-up id (handlers answer 404 or 400 for it). */
const concrete = (url: string) => url.replace(/:[A-Za-z_]+/g, 'x_unknown').replace(/\*$/, 'anything')

describe('authorization matrix: every route × every single scope × property-bound or not', () => {
  it('knows every route the server has (add a new route to EXPECTED with the scope it needs)', () => {
    const missing = routes.map(({ method, url }) => `${method} ${url}`).filter((key) => !(key in EXPECTED))
    assert.deepEqual(missing, [], `routes without an expected scope in test/api/authorization-matrix.test.ts: ${missing.join(', ')}`)
    const gone = Object.keys(EXPECTED).filter((key) => !routes.some(({ method, url }) => `${method} ${url}` === key))
    assert.deepEqual(gone, [], 'entries for routes the server no longer has')
    assert.ok(routes.length > 90)
  })

  it('answers each route as its rule says, for each scope alone, bound to a property or not, and without a credential', async () => {
    const failures: string[] = []
    const tokens = new Map<string, string>()
    for (const scope of SCOPES) {
      tokens.set(`${scope}|unbound`, t.token([scope]))
      tokens.set(`${scope}|bound`, t.token([scope], propertyB))
    }
    for (const { method, url } of routes) {
      const rule = EXPECTED[`${method} ${url}`]!
      const send = (headers: Record<string, string>) =>
        t.app.inject({ method: method as 'GET', url: concrete(url), headers, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) })
      if (rule.need === 'public' || rule.need === 'body') {
        const response = await send({})
        if (response.statusCode >= 500 || (rule.need === 'public' && (response.statusCode === 401 || response.statusCode === 403))) {
          failures.push(`${method} ${url} without a credential: ${response.statusCode}`)
        }
        continue
      }
      const anonymous = await send({})
      if (anonymous.statusCode !== 401) failures.push(`${method} ${url} without a credential: ${anonymous.statusCode}, expected 401`)
      for (const scope of SCOPES) {
        for (const binding of ['unbound', 'bound'] as const) {
          const allowed = grants([scope], rule.need as Scope) && !(binding === 'bound' && rule.deskWide)
          if (allowed && rule.stream) continue
          const response = await send(bearer(tokens.get(`${scope}|${binding}`)!))
          const status = response.statusCode
          const ok = allowed ? status !== 401 && status !== 403 && status < 500 : status === 403
          if (!ok)
            failures.push(
              `${method} ${url} with ${scope} (${binding}): ${status}, expected ${allowed ? 'to be let through' : 403} — ${response.body.slice(0, 160)}`,
            )
        }
      }
    }
    assert.deepEqual(failures, [])
  })
})

describe("a token bound to property B asking for property A's things", () => {
  let a: { conversationId: string; messageId: string }
  let attachmentUrl: string
  let reservationId: string
  let guestId: string
  let leadId: string
  let tokenB: string
  let adminB: string

  before(async () => {
    const tokenA = t.token(undefined, propertyA)
    tokenB = t.token(['guest.conversation.write', 'guest.conversation.read', 'reservation.write', 'reservation.read'], propertyB)
    adminB = t.token(['admin'], propertyB)
    const pushed = await t.app.inject({
      method: 'POST',
      url: PUSH_URL,
      headers: bearer(tokenA),
      payload: { messages: [pushedMessage({ phone: '+41795551201', text: 'A room for two, please' })] },
    })
    a = pushed.json()[0]
    const file = await t.app.inject({
      method: 'POST',
      url: '/v1/attachments?name=passport.png',
      headers: { ...bearer(tokenA), 'content-type': 'image/png' },
      payload: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    })
    attachmentUrl = file.json().url
    const reservation = await t.app.inject({
      method: 'POST',
      url: '/v1/reservations',
      headers: bearer(tokenA),
      payload: {
        confirmationNumber: 'A-100',
        guest: { firstName: 'Anna', lastName: 'Muster', phone: '+41795551201' },
        arrival: '2030-03-01',
        departure: '2030-03-04',
        room: '12',
        status: 'confirmed',
      },
    })
    assert.equal(reservation.statusCode, 201, reservation.body)
    reservationId = reservation.json().reservation.id
    guestId = reservation.json().reservation.guestId
    const lead = await t.app.inject({ method: 'POST', url: `/v1/conversations/${a.conversationId}/lead`, headers: bearer(tokenA), payload: {} })
    assert.ok(lead.statusCode < 300, lead.body)
    leadId =
      (await t.app.inject({ url: '/v1/leads', headers: bearer(tokenA) })).json().items?.[0]?.id ??
      (await t.app.inject({ url: '/v1/leads', headers: bearer(tokenA) })).json()[0]?.id
    assert.ok(leadId)
  })

  const getAs = (token: string, url: string) => t.app.inject({ url, headers: bearer(token) })

  it('gets 404 for the conversation, its messages, guest, timeline, service record, message, attachment and reservation', async () => {
    for (const url of [
      `/v1/conversations/${a.conversationId}`,
      `/v1/conversations/${a.conversationId}/messages`,
      `/v1/conversations/${a.conversationId}/guest`,
      `/v1/conversations/${a.conversationId}/events`,
      `/v1/conversations/${a.conversationId}/service-record`,
      `/api/unified-messaging-service/guest-conversations/${a.conversationId}`,
      `/api/unified-messaging-service/guest-conversations/${a.conversationId}/messages`,
      `/api/unified-messaging-service/guest-conversations/messages/${a.messageId}`,
      `/3rd/conversations/${a.conversationId}/messages`,
      attachmentUrl,
      `/v1/reservations/${reservationId}`,
    ]) {
      assert.equal((await getAs(tokenB, url)).statusCode, 404, url)
    }
  })

  it('gets 404 when acting on them (reply, mode, assignee, read, lead, service record, guest session)', async () => {
    const act = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object) => t.app.inject({ method, url, headers: bearer(tokenB), payload })
    const conversation = `/v1/conversations/${a.conversationId}`
    for (const [method, url, payload] of [
      ['POST', `${conversation}/messages`, { text: 'hello' }],
      ['PUT', `${conversation}/mode`, { mode: 'human' }],
      ['POST', `${conversation}/read`, {}],
      ['POST', `${conversation}/unread`, {}],
      ['PUT', `${conversation}/service-record`, { memo: 'x' }],
      ['PATCH', `/v1/leads/${leadId}`, { status: 'lost' }],
      ['POST', `/v1/reservations/${reservationId}/guest-sessions`, {}],
    ] as const) {
      const response = await act(method, url, payload)
      assert.equal(response.statusCode, 404, `${method} ${url}: ${response.body}`)
    }
  })

  it("gets empty lists: conversations, search, leads, export, arrivals, stats, the guest's conversations, third-party links", async () => {
    assert.deepEqual((await getAs(tokenB, '/v1/conversations')).json().items, [])
    assert.deepEqual((await getAs(tokenB, '/v1/conversations?q=Muster')).json().items, [])
    const leads = (await getAs(tokenB, '/v1/leads')).json()
    assert.deepEqual(leads.items ?? leads, [])
    const csv = await getAs(tokenB, '/v1/export.csv')
    assert.equal(csv.headers['x-export-rows'], '0')
    assert.doesNotMatch(csv.body, /A room for two/)
    const arrivals = await getAs(tokenB, '/v1/arrivals?day=2030-03-01')
    assert.doesNotMatch(arrivals.body, /A-100/)
    const stats = await getAs(tokenB, '/v1/stats?from=2020-01-01T00:00:00Z&to=2035-01-01T00:00:00Z')
    assert.equal(stats.statusCode, 200, stats.body)
    const active = (body: { metrics: { key: string; value: number }[] }) => body.metrics.find((metric) => metric.key === 'activeConversations')!.value
    assert.equal(active(stats.json()), 0)
    assert.ok(active((await getAs(t.token(), '/v1/stats?from=2020-01-01T00:00:00Z&to=2035-01-01T00:00:00Z')).json()) >= 1)
    assert.deepEqual((await getAs(tokenB, `/api/unified-messaging-service/guest-conversations/by-user-profile-id/${guestId}`)).json(), [])
    assert.equal((await getAs(tokenB, `/3rd/conversations/links?phone_numbers=%2B41795551201&organization_id=${propertyA}`)).statusCode, 404)
    // Asking for property A by name is refused outright.
    assert.equal((await getAs(tokenB, `/v1/conversations?propertyId=${propertyA}`)).statusCode, 403)
    // The same guest writing to property B: B's export names no reservation of property A.
    await t.app.inject({
      method: 'POST',
      url: PUSH_URL,
      headers: bearer(tokenB),
      payload: { messages: [pushedMessage({ phone: '+41795551201', text: 'And at your other hotel?' })] },
    })
    const own = await getAs(tokenB, '/v1/export.csv')
    assert.match(own.body, /And at your other hotel/)
    const rows = parse(own.body, { columns: true, bom: true }) as Record<string, string>[]
    assert.ok(
      rows.every((row) => row.property_id === propertyB),
      'every row names property B',
    )
    assert.doesNotMatch(own.body, /A-100/)
  })

  it("sees only its own property in the catalogue and cannot change property A's, even as admin", async () => {
    assert.deepEqual(
      (await getAs(adminB, '/v1/properties')).json().map((p: { id: string }) => p.id),
      [propertyB],
    )
    const unbound = t.token(['admin'])
    const template = (
      await t.app.inject({
        method: 'POST',
        url: '/v1/templates',
        headers: bearer(unbound),
        payload: { propertyId: propertyA, name: 'Hi', shortcut: 'hi', body: 'Hello' },
      })
    ).json()
    const entry = (
      await t.app.inject({
        method: 'POST',
        url: '/v1/knowledge',
        headers: bearer(unbound),
        payload: { propertyId: propertyA, question: 'Breakfast?', answer: 'From 7' },
      })
    ).json()
    assert.ok(template.id && entry.id)
    assert.ok(!(await getAs(adminB, '/v1/templates')).json().some((x: { id: string }) => x.id === template.id))
    assert.ok(!(await getAs(adminB, `/v1/knowledge?propertyId=${propertyA}`)).json().some((x: { id: string }) => x.id === entry.id))
    for (const [method, url, payload] of [
      ['PATCH', `/v1/properties/${propertyA}`, { name: 'Mine now' }],
      ['PATCH', `/v1/templates/${template.id}`, { name: 'Mine now' }],
      ['DELETE', `/v1/templates/${template.id}`, undefined],
      ['PATCH', `/v1/knowledge/${entry.id}`, { answer: 'Never' }],
      ['DELETE', `/v1/knowledge/${entry.id}`, undefined],
    ] as const) {
      const response = await t.app.inject({ method, url, headers: bearer(adminB), ...(payload ? { payload } : {}) })
      assert.equal(response.statusCode, 404, `${method} ${url}: ${response.body}`)
    }
    for (const [url, payload] of [
      ['/v1/templates', { propertyId: propertyA, name: 'X', shortcut: 'x', body: 'x' }],
      ['/v1/knowledge', { propertyId: propertyA, question: 'Q?', answer: 'A' }],
      ['/v1/outlets', { propertyId: propertyA, code: 'FD', name: 'Front desk' }],
      ['/v1/channel-accounts', { propertyId: propertyA, channel: 'web_chat', code: 'web', name: 'Web' }],
      ['/v1/custom-fields', { propertyId: propertyA, name: 'Budget' }],
    ] as const) {
      const response = await t.app.inject({ method: 'POST', url, headers: bearer(adminB), payload })
      assert.equal(response.statusCode, 403, `POST ${url}: ${response.body}`)
    }
  })
})
