import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, startTestApp, type TestApp } from '../support/test-app.js'

// Every native route that takes a name or a text a person must read: blank is 400 naming the field;
// a name keeps no surrounding whitespace, a text is kept as written.
let t: TestApp
let admin: string
const ids: Record<string, string> = {}
let serial = 0
const unique = () => `c${++serial}`

const send = (method: string, url: string, payload: object) => t.app.inject({ method: method as 'POST', url, headers: bearer(admin), payload })

async function create(url: string, payload: object): Promise<string> {
  const response = await send('POST', url, payload)
  assert.ok(response.statusCode < 300, response.body)
  return response.json().id
}

before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
  ids.property = t.app.store.properties.first()!.id
  ids.outlet = await create('/v1/outlets', { code: 'FD', name: 'Front desk' })
  ids.account = await create('/v1/channel-accounts', { channel: 'web_chat', code: 'web', name: 'Website' })
  ids.field = await create('/v1/custom-fields', { name: 'Budget' })
  ids.agent = await create('/v1/agents', { name: 'Mia Frei', email: 'mia@hotel.ch', password: 'lakeside morning coffee 42', role: 'agent' })
  ids.template = await create('/v1/templates', { name: 'Welcome', shortcut: 'welcome', body: 'Welcome {{guest.firstName}}!' })
  ids.entry = await create('/v1/knowledge', { question: 'Breakfast?', answer: 'From 7 to 10.' })
})
after(() => t.close())

interface Case {
  route: string
  method: 'POST' | 'PATCH' | 'PUT'
  url: () => string
  field: string
  body: (value: string) => object
  /** Names lose their surrounding whitespace; texts are stored as written. */
  trimmed: boolean
}

const cases: Case[] = [
  { route: 'POST /v1/properties', method: 'POST', url: () => '/v1/properties', field: 'name', body: (name) => ({ name, defaultCountry: 'CH' }), trimmed: true },
  { route: 'PATCH /v1/properties/:id', method: 'PATCH', url: () => `/v1/properties/${ids.property}`, field: 'name', body: (name) => ({ name }), trimmed: true },
  { route: 'POST /v1/outlets', method: 'POST', url: () => '/v1/outlets', field: 'name', body: (name) => ({ code: unique(), name }), trimmed: true },
  { route: 'PATCH /v1/outlets/:id', method: 'PATCH', url: () => `/v1/outlets/${ids.outlet}`, field: 'name', body: (name) => ({ name }), trimmed: true },
  {
    route: 'POST /v1/channel-accounts',
    method: 'POST',
    url: () => '/v1/channel-accounts',
    field: 'name',
    body: (name) => ({ channel: 'web_chat', code: unique(), name }),
    trimmed: true,
  },
  {
    route: 'PATCH /v1/channel-accounts/:id',
    method: 'PATCH',
    url: () => `/v1/channel-accounts/${ids.account}`,
    field: 'name',
    body: (name) => ({ name }),
    trimmed: true,
  },
  {
    route: 'POST /v1/custom-fields',
    method: 'POST',
    url: () => '/v1/custom-fields',
    field: 'name',
    body: (name) => ({ name: name.replace('Value', unique()) }),
    trimmed: true,
  },
  {
    route: 'PATCH /v1/custom-fields/:id',
    method: 'PATCH',
    url: () => `/v1/custom-fields/${ids.field}`,
    field: 'name',
    body: (name) => ({ name }),
    trimmed: true,
  },
  {
    route: 'POST /v1/agents',
    method: 'POST',
    url: () => '/v1/agents',
    field: 'name',
    body: (name) => ({ name, email: `${unique()}@hotel.ch`, password: 'lakeside morning coffee 42', role: 'agent' }),
    trimmed: true,
  },
  { route: 'PATCH /v1/agents/:id', method: 'PATCH', url: () => `/v1/agents/${ids.agent}`, field: 'name', body: (name) => ({ name }), trimmed: true },
  {
    route: 'POST /v1/templates (name)',
    method: 'POST',
    url: () => '/v1/templates',
    field: 'name',
    body: (name) => ({ name, shortcut: unique(), body: 'Hello' }),
    trimmed: true,
  },
  {
    route: 'POST /v1/templates (body)',
    method: 'POST',
    url: () => '/v1/templates',
    field: 'body',
    body: (body) => ({ name: 'Note', shortcut: unique(), body }),
    trimmed: false,
  },
  {
    route: 'PATCH /v1/templates/:id (name)',
    method: 'PATCH',
    url: () => `/v1/templates/${ids.template}`,
    field: 'name',
    body: (name) => ({ name }),
    trimmed: true,
  },
  {
    route: 'PATCH /v1/templates/:id (body)',
    method: 'PATCH',
    url: () => `/v1/templates/${ids.template}`,
    field: 'body',
    body: (body) => ({ body }),
    trimmed: false,
  },
  {
    route: 'POST /v1/knowledge (question)',
    method: 'POST',
    url: () => '/v1/knowledge',
    field: 'question',
    body: (question) => ({ question, answer: 'Yes.' }),
    trimmed: false,
  },
  {
    route: 'POST /v1/knowledge (answer)',
    method: 'POST',
    url: () => '/v1/knowledge',
    field: 'answer',
    body: (answer) => ({ question: 'Parking?', answer }),
    trimmed: false,
  },
  {
    route: 'PATCH /v1/knowledge/:id (answer)',
    method: 'PATCH',
    url: () => `/v1/knowledge/${ids.entry}`,
    field: 'answer',
    body: (answer) => ({ answer }),
    trimmed: false,
  },
  {
    route: 'PUT /v1/settings/llm',
    method: 'PUT',
    url: () => '/v1/settings/llm',
    field: 'model',
    body: (model) => ({ baseUrl: 'http://127.0.0.1:11434/v1', model }),
    trimmed: true,
  },
]

describe('names and texts', () => {
  for (const c of cases) {
    it(`${c.route}: a blank ${c.field} is 400; ${c.trimmed ? 'a padded one is trimmed' : 'a padded one is kept as written'}`, async () => {
      for (const blank of ['', '   ', '\n\t ', '\u00a0\u2003']) {
        const response = await send(c.method, c.url(), c.body(blank))
        assert.equal(response.statusCode, 400, `${JSON.stringify(blank)}: ${response.body}`)
        assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8')
        assert.deepEqual(response.json().errors, [{ field: c.field, message: 'must not be blank' }], JSON.stringify(blank))
      }
      const padded = await send(c.method, c.url(), c.body('  Value  '))
      assert.ok(padded.statusCode < 300, padded.body)
      const stored = c.field === 'model' ? padded.json().model : padded.json()[c.field]
      const expected = c.trimmed ? 'Value' : '  Value  '
      assert.equal(stored.replace(/c\d+/, 'Value'), expected)
    })
  }
})

describe('first-run setup', () => {
  it('refuses a blank property or admin name, and trims both', async () => {
    const fresh = await startTestApp()
    try {
      const setup = (property: string, admin: string) =>
        fresh.app.inject({
          method: 'POST',
          url: '/v1/setup',
          payload: {
            property: { name: property, defaultCountry: 'CH', timeZone: 'Europe/Zurich' },
            admin: { name: admin, email: 'boss@hotel.ch', password: 'lakeside morning coffee 42' },
          },
        })
      const blank = await setup('  ', '\t')
      assert.equal(blank.statusCode, 400, blank.body)
      assert.deepEqual(blank.json().errors, [
        { field: 'property.name', message: 'must not be blank' },
        { field: 'admin.name', message: 'must not be blank' },
      ])
      const done = await setup(' Hotel Lago ', ' Lea Keller ')
      assert.equal(done.statusCode, 201, done.body)
      assert.equal(done.json().agent.name, 'Lea Keller')
      assert.equal(fresh.app.store.properties.first()!.name, 'Hotel Lago')
    } finally {
      await fresh.close()
    }
  })
})
