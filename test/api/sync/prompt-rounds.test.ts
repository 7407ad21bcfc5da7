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
  /** Every request the central server answered: which desk (by credential) asked for what. */
  const requests: { desk: string; path: string }[] = []
  const deskOf = new Map<string, string>()

  before(async () => {
    centralDir = tempDir('frontdesk-central-')
    central = await buildCentralServer({ store: openSqliteCentralStore(centralDir) })
    central.addHook('onResponse', async (request) => {
      const credential = String(request.headers.authorization ?? '').replace(/^Bearer /, '')
      requests.push({ desk: deskOf.get(credential) ?? '?', path: request.url.split('?')[0]! })
    })
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
      deskOf.set(credential, name)
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
    // The inbox language the agent chose goes with them to every desk.
    a.app.agents.setUiLanguage(agent.json().id, 'fr')
    await within("the agent's language on desk B", 2_000, async () => assert.equal(b.app.store.agents.get(agent.json().id)?.uiLanguage, 'fr'))

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

  it('a poke costs the central server one pull from a desk with nothing to send: no hello, no push', async () => {
    await eventually('both desks idle', async () => {
      for (const app of [a, b]) assert.equal((await app.app.inject({ url: '/v1/sync', headers: bearer(app.token()) })).json().state, 'idle')
    })
    const propertyId = a.app.store.properties.first()!.id
    requests.length = 0
    // A's pushes and B's pulls only: a round B runs on its timer or for a change of its own would be a full one.
    for (let index = 1; index <= 3; index++) {
      const pushed = await a.app.inject({
        method: 'POST',
        url: '/v1/messages',
        headers: bearer(a.token(['guest.conversation.write'])),
        payload: {
          messages: [
            {
              channel: 'web_chat',
              guest: { email: `poke${index}@example.com` },
              direction: 'in',
              content: { type: 'text', text: `Hello ${index}` },
              createdAt: new Date().toISOString(),
            },
          ],
        },
      })
      assert.ok(pushed.statusCode < 300, pushed.body)
      await within(`message ${index} on desk B`, 2_000, async () => {
        const identity = b.app.store.guests.findIdentity('email', `poke${index}@example.com`)
        assert.ok(identity && b.app.store.conversations.findByIdentity(propertyId, 'web_chat', identity.rowid))
      })
    }
    const fromB = requests.filter((request) => request.desk === 'B').map((request) => request.path)
    assert.ok(fromB.length > 0, 'desk B pulled')
    assert.deepEqual([...new Set(fromB)], ['/sync/v1/pull'], `desk B asked for ${fromB.join(', ')}`)
    // A said hello once at most for its three changes (its last hello is recent): push and pulls otherwise.
    const fromA = requests.filter((request) => request.desk === 'A').map((request) => request.path)
    assert.ok(fromA.filter((path) => path === '/sync/v1/hello').length <= 1, `desk A asked for ${fromA.join(', ')}`)
    assert.ok(fromA.filter((path) => path === '/sync/v1/push').length >= 3, `desk A asked for ${fromA.join(', ')}`)
  })

  it("a guest's language is told on every desk, for the messages other desks took too (translations start from it)", async () => {
    const pushed = await a.app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: bearer(a.token(['guest.conversation.write'])),
      payload: {
        messages: [
          {
            channel: 'whatsapp',
            guest: { phone: '+393471112233' },
            direction: 'in',
            content: { type: 'text', text: 'Buongiorno, avete ancora una camera doppia libera per sabato?' },
            createdAt: new Date().toISOString(),
          },
        ],
      },
    })
    assert.equal(pushed.statusCode, 201, pushed.body)
    const conversationId = pushed.json().items[0].conversationId as string
    await within('the language on desk B', 3_000, async () => assert.equal(b.app.store.conversations.languageOf(conversationId), 'it'))
    const messageId = pushed.json().items[0].messageId as string
    await within("the message's language on desk B", 3_000, async () =>
      assert.equal(b.db.prepare('SELECT language FROM messages WHERE id = ?').pluck().get(messageId), 'it'),
    )
  })
})
