import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { buildCentralServer, type CentralServer } from '../../../central/server.js'
import { openSqliteCentralStore } from '../../../central/store/sqlite-store.js'
import { eventually } from '../../support/eventually.js'
import { bearer, startTestApp, tempDir, type TestApp } from '../../support/test-app.js'

// A period far longer than the test: only a round scheduled by the change itself can carry it.
const slowTimer = { client: { periodMs: 600_000, maxBackoffMs: 500 } }

describe('every synced change starts a sync round at once, like a message', () => {
  let centralDir: string
  let central: CentralServer
  let centralUrl: string
  let a: TestApp
  let b: TestApp

  before(async () => {
    centralDir = tempDir('frontdesk-central-')
    central = await buildCentralServer({ store: openSqliteCentralStore(centralDir) })
    await central.listen({ port: 0, host: '127.0.0.1' })
    const address = central.server.address()
    centralUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    a = await startTestApp({ sync: slowTimer })
    b = await startTestApp({ sync: slowTimer })
    const propertyId = a.app.store.properties.first()!.id
    for (const [app, name] of [
      [a, 'A'],
      [b, 'B'],
    ] as const) {
      const { credential } = await central.centralSync.addDevice({ name: `Desk ${name}`, propertyId })
      const connected = await app.app.inject({ method: 'PUT', url: '/v1/sync', headers: bearer(app.token(['admin'])), payload: { centralUrl, credential } })
      assert.equal(connected.statusCode, 200, connected.body)
    }
    for (const app of [a, b]) {
      await eventually('first round done', async () => {
        const status = (await app.app.inject({ url: '/v1/sync', headers: bearer(app.token()) })).json()
        assert.equal(status.state, 'idle')
        assert.ok(status.lastSyncAt)
      })
    }
  })
  after(async () => {
    await a.close()
    await b.close()
    await central.close()
    rmSync(centralDir, { recursive: true, force: true })
  })

  const within = async <T>(what: string, ms: number, check: () => Promise<T>): Promise<T> => {
    const started = performance.now()
    const result = await eventually(what, check)
    assert.ok(performance.now() - started < ms, `${what} took ${Math.round(performance.now() - started)} ms`)
    return result
  }

  it('an agent, a template, a knowledge entry and a property edit reach the other desk within two seconds', async () => {
    const admin = bearer(a.token(['admin']))
    const agent = await a.app.inject({
      method: 'POST',
      url: '/v1/agents',
      headers: admin,
      payload: { name: 'Mia Rossi', email: 'mia@example.com', password: 'correct horse battery', role: 'agent' },
    })
    assert.equal(agent.statusCode, 201, agent.body)
    await within('the agent on desk B', 2_000, async () => assert.ok(b.app.store.agents.get(agent.json().id)))

    const template = await a.app.inject({
      method: 'POST',
      url: '/v1/templates',
      headers: admin,
      payload: { name: 'Welcome', shortcut: 'welcome', body: 'Welcome!' },
    })
    assert.equal(template.statusCode, 201, template.body)
    await within('the template on desk B', 2_000, async () => assert.equal(b.app.store.templates.get(template.json().id)?.body, 'Welcome!'))

    const edited = await a.app.inject({ method: 'PATCH', url: `/v1/templates/${template.json().id}`, headers: admin, payload: { body: 'Welcome back!' } })
    assert.equal(edited.statusCode, 200, edited.body)
    await within('the template edit on desk B', 2_000, async () => assert.equal(b.app.store.templates.get(template.json().id)?.body, 'Welcome back!'))

    const entry = await a.app.inject({
      method: 'POST',
      url: '/v1/knowledge',
      headers: admin,
      payload: { question: 'When is breakfast?', answer: 'From 7 to 10.' },
    })
    assert.equal(entry.statusCode, 201, entry.body)
    await within('the knowledge entry on desk B', 2_000, async () => assert.ok(b.app.store.knowledge.get(entry.json().id)))

    const property = a.app.store.properties.first()!
    const renamed = await a.app.inject({ method: 'PATCH', url: `/v1/properties/${property.id}`, headers: admin, payload: { name: 'Hotel Renamed' } })
    assert.equal(renamed.statusCode, 200, renamed.body)
    await within('the property edit on desk B', 2_000, async () => assert.equal(b.app.store.properties.get(property.id)?.name, 'Hotel Renamed'))
  })
})
