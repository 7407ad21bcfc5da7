import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { buildCentralServer, type CentralServer } from '../../../central/server.js'
import type { CentralStore } from '../../../central/store/central-store.js'
import { openSqliteCentralStore } from '../../../central/store/sqlite-store.js'
import { v7 as uuidv7 } from 'uuid'
import { encodeHlc } from '../../../sync-core/hlc.js'
import { SYNC_SCHEMA_VERSION } from '../../../sync-core/protocol.js'
import { httpTransport } from '../../../local-api/services/sync/transport.js'
import { eventually } from '../../support/eventually.js'
import { bearer, PUSH_URL, pushedMessage, startTestApp, tempDir, type TestApp } from '../../support/test-app.js'

const quickSync = { client: { periodMs: 1_000, maxBackoffMs: 500 } }
const HANDOVER = "I've passed this to our front desk; a colleague will reply shortly."
/** A chat's messages, newest first, as direction and text. */
const linesOf = (items: { direction: string; content: { text: string } }[]) => items.map((m) => [m.direction, m.content.text])

describe('a desk connected to a central server', () => {
  let centralDir: string
  let central: CentralServer
  let centralUrl: string
  let centralStore: CentralStore
  const desks: TestApp[] = []

  const startCentral = async (port = 0) => {
    centralStore = openSqliteCentralStore(centralDir)
    central = await buildCentralServer({ store: centralStore })
    await central.listen({ port, host: '127.0.0.1' })
    const address = central.server.address()
    centralUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`
  }
  const desk = async () => {
    const started = await startTestApp({ sync: quickSync })
    desks.push(started)
    return started
  }
  const connect = (app: TestApp, body: object) => app.app.inject({ method: 'PUT', url: '/v1/sync', headers: bearer(app.token(['admin'])), payload: body })
  const statusOf = async (app: TestApp) => (await app.app.inject({ url: '/v1/sync', headers: bearer(app.token()) })).json()

  before(async () => {
    centralDir = tempDir('frontdesk-central-')
    await startCentral()
  })
  after(async () => {
    for (const started of desks) await started.close()
    await central.close()
    rmSync(centralDir, { recursive: true, force: true })
  })

  it('connects through the API, syncs a pushed message to a new desk, and reports its state', async () => {
    const a = await desk()
    const property = a.app.store.properties.first()!
    assert.equal((await statusOf(a)).state, 'off')
    assert.equal((await a.app.inject({ method: 'POST', url: '/v1/sync/now', headers: bearer(a.token()) })).statusCode, 409)

    const credentialA = (await central.centralSync.addDevice({ name: 'Desk A', propertyId: property.id })).credential
    const credentialB = (await central.centralSync.addDevice({ name: 'Desk B', propertyId: property.id })).credential
    const connected = await connect(a, { centralUrl, credential: credentialA })
    assert.equal(connected.statusCode, 200, connected.body)
    assert.equal(connected.json().propertyId, property.id)
    assert.equal(connected.json().configured, true)
    // The credential is never shown back.
    assert.doesNotMatch(connected.body, /fdd_/)

    const pushed = await a.app.inject({
      method: 'POST',
      url: PUSH_URL,
      headers: bearer(a.token()),
      payload: { messages: [pushedMessage({ text: 'Late check-out?', externalId: 'sync-1' })] },
    })
    assert.equal(pushed.statusCode, 201)
    const conversationId = pushed.json()[0].conversationId

    // A new desk: its placeholder property gives way to the one it joins; setup waits for the sync.
    const b = await desk()
    const connectedB = await connect(b, { centralUrl, credential: credentialB })
    assert.equal(connectedB.statusCode, 200, connectedB.body)
    // The guest's message, and the AI agent's handover words desk A answered it with.
    await eventually('the message on desk B', async () => {
      const response = await b.app.inject({ url: `/v1/conversations/${conversationId}/messages`, headers: bearer(b.token()) })
      assert.equal(response.statusCode, 200)
      assert.deepEqual(linesOf(response.json().items), [
        ['out', HANDOVER],
        ['in', 'Late check-out?'],
      ])
    })
    assert.deepEqual(
      b.app.store.properties.list().map((p) => p.id),
      [property.id],
    )
    const statusB = await eventually('desk B idle', async () => {
      const status = await statusOf(b)
      assert.equal(status.state, 'idle')
      assert.ok(status.lastSyncAt)
      return status
    })
    assert.equal(statusB.pendingOps, 0)
    assert.equal(statusB.lastError, null)
    assert.equal(statusB.joining, false)
    const now = await b.app.inject({ method: 'POST', url: '/v1/sync/now', headers: bearer(b.token()) })
    assert.equal(now.statusCode, 202)
  })

  it('keeps changes while the central server is down, says so, and sends them once it is back', async () => {
    const a = await desk()
    const b = await desk()
    const property = a.app.store.properties.first()!
    for (const [app, name] of [
      [a, 'A'],
      [b, 'B'],
    ] as const) {
      const { credential } = await central.centralSync.addDevice({ name: `Desk ${name}`, propertyId: property.id })
      assert.equal((await connect(app, { centralUrl, credential })).statusCode, 200)
    }
    await eventually('desk A synced', async () => assert.ok((await statusOf(a)).lastSyncAt))

    const port = Number(new URL(centralUrl).port)
    await central.close()
    const pushed = await a.app.inject({
      method: 'POST',
      url: PUSH_URL,
      headers: bearer(a.token()),
      payload: { messages: [pushedMessage({ text: 'Sent while central was down', externalId: 'sync-down' })] },
    })
    const conversationId = pushed.json()[0].conversationId
    // A round in flight as the server closed may first say ECONNRESET; the next ones find it gone.
    const offline = await eventually('desk A offline, the server refusing connections', async () => {
      const status = await statusOf(a)
      assert.equal(status.state, 'offline')
      assert.match(status.lastError ?? '', /ECONNREFUSED/)
      return status
    })
    assert.ok(offline.pendingOps > 0)
    assert.match(offline.lastError, /cannot reach the central server at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/)

    await startCentral(port)
    await eventually('the message on desk B', async () => {
      const response = await b.app.inject({ url: `/v1/conversations/${conversationId}/messages`, headers: bearer(b.token()) })
      assert.equal(response.statusCode, 200)
      // Desk A's agent answers once the central server says its copy came first.
      assert.deepEqual(linesOf(response.json().items), [
        ['out', HANDOVER],
        ['in', 'Sent while central was down'],
      ])
    })
    const back = await eventually('desk A idle again', async () => {
      const status = await statusOf(a)
      assert.equal(status.state, 'idle')
      assert.equal(status.pendingOps, 0)
      return status
    })
    assert.equal(back.lastError, null)
  })

  it('refuses a bad address, an unknown credential, an unreachable server and a desk holding another property', async () => {
    const a = await desk()
    const invalid = await connect(a, { centralUrl: 'central.example', credential: 'fdd_x' })
    assert.equal(invalid.statusCode, 400)
    assert.match(invalid.json().detail, /must be an http\(s\) URL/)

    const unknown = await connect(a, { centralUrl, credential: 'fdd_not-issued' })
    assert.equal(unknown.statusCode, 400)
    assert.match(unknown.json().detail, /refused this credential/)

    const unreachable = await connect(a, { centralUrl: 'http://127.0.0.1:9', credential: 'fdd_x' })
    assert.equal(unreachable.statusCode, 502)
    assert.match(unreachable.json().detail, /cannot reach the central server/)

    const notACredential = await connect(a, { centralUrl, credential: 'secret' })
    assert.equal(notACredential.statusCode, 400)

    // A desk that has been worked on keeps its own property: it cannot join another.
    await a.app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(a.token()), payload: { messages: [pushedMessage()] } })
    const { credential } = await central.centralSync.addDevice({ name: 'Elsewhere', propertyId: 'prop_elsewhere' })
    const conflict = await connect(a, { centralUrl, credential })
    assert.equal(conflict.statusCode, 409)
    assert.match(conflict.json().detail, /already holds "My hotel" \(prop_\w+\) with data of its own, but the credential is for prop_elsewhere/)
    assert.equal((await statusOf(a)).configured, false)

    const agent = await a.app.inject({ method: 'PUT', url: '/v1/sync', headers: bearer(a.token()), payload: { centralUrl, credential } })
    assert.equal(agent.statusCode, 403)
  })

  it('a new desk joining a property nobody has written yet makes it, for setup to name', async () => {
    const a = await desk()
    const { credential } = await central.centralSync.addDevice({ name: 'New hotel desk', propertyId: 'prop_newhotel' })
    assert.equal((await connect(a, { centralUrl, credential })).statusCode, 200)
    await eventually('the property', () => assert.ok(a.app.store.properties.get('prop_newhotel')))
    assert.deepEqual(
      a.app.store.properties.list().map((p) => p.id),
      ['prop_newhotel'],
    )
    const setup = (await a.app.inject({ url: '/v1/setup' })).json()
    assert.deepEqual(setup, { needsSetup: true, joining: false, progress: null })
    // …and sends it at once, so the next desk of that property finds it on the central server.
    await eventually('the property sent', async () => assert.equal((await statusOf(a)).pendingOps, 0))
    assert.equal((await centralStore.spaceBounds('prop_newhotel')).lastSeq, 1)
  })

  it('a joining desk says so instead of asking for setup, and refuses setup until it has synced', async () => {
    // A central server that knows the device but is gone before the first round.
    const transport = () => ({
      hello: async () => ({
        schemaVersion: 1,
        serverHlc: '000000000000001-0000-central',
        device: { id: 'dev_1', name: 'Desk', propertyId: 'prop_elsewhere' },
        spaces: ['group', 'prop_elsewhere'],
        ackedSeq: 0,
      }),
      push: () => Promise.reject(new Error('cannot reach the central server')),
      pull: () => Promise.reject(new Error('cannot reach the central server')),
      snapshot: () => Promise.reject(new Error('cannot reach the central server')),
    })
    const joining = await startTestApp({ sync: { transport, client: quickSync.client } })
    desks.push(joining)
    assert.equal((await connect(joining, { centralUrl: 'http://central.invalid:4790', credential: 'fdd_x' })).statusCode, 200)
    assert.deepEqual((await joining.app.inject({ url: '/v1/setup' })).json(), { needsSetup: false, joining: true, progress: null })
    const setup = await joining.app.inject({
      method: 'POST',
      url: '/v1/setup',
      payload: {
        property: { name: 'X', defaultCountry: 'CH', timeZone: 'UTC' },
        admin: { name: 'A', email: 'a@example.com', password: 'long enough password' },
      },
    })
    assert.equal(setup.statusCode, 409)
    assert.match(setup.json().detail, /joining its central server/)
  })

  it('the central server pokes the other desks of a space, not the one that pushed', async () => {
    const pusher = await central.centralSync.addDevice({ name: 'Pusher', propertyId: 'prop_pokes' })
    const other = await central.centralSync.addDevice({ name: 'Other', propertyId: 'prop_pokes' })
    const heard: Record<string, string[]> = { pusher: [], other: [] }
    const stops = [
      httpTransport(centralUrl, pusher.credential).listen!(
        (space) => heard.pusher!.push(space),
        () => undefined,
      ),
      httpTransport(centralUrl, other.credential).listen!(
        (space) => heard.other!.push(space),
        () => undefined,
      ),
    ]
    try {
      // Each stream says once that it is open ('').
      await eventually('both streams open', () => assert.ok(heard.pusher!.length && heard.other!.length))
      const op = {
        opId: uuidv7(),
        clientId: 'pokepusher1',
        clientSeq: 1,
        hlc: encodeHlc({ wallMs: Date.now(), counter: 0, node: 'pokepusher1' }),
        space: 'prop_pokes',
        entity: 'knowledge_entry',
        entityId: 'kb_1',
        fields: { question: 'Parking?', answer: 'Free', propertyId: 'prop_pokes' },
        schemaVersion: SYNC_SCHEMA_VERSION,
      }
      const pushed = await httpTransport(centralUrl, pusher.credential).push({ clientId: 'pokepusher1', schemaVersion: SYNC_SCHEMA_VERSION, ops: [op] })
      assert.equal(pushed.ackedSeq, 1)
      await eventually('the poke on the other desk', () => assert.ok(heard.other!.includes('prop_pokes')))
      await new Promise((resolve) => setTimeout(resolve, 200))
      assert.deepEqual(heard, { pusher: [''], other: ['', 'prop_pokes'] })
    } finally {
      for (const stop of stops) stop()
    }
  })
})
