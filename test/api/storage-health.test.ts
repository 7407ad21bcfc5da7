import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { DATABASE_FILE, openDatabase, type Db } from '../../local-api/db/open.js'
import { createStore } from '../../local-api/db/store.js'
import { buildServer, type App } from '../../local-api/server.js'
import { eventually } from '../support/eventually.js'
import { bearer, PUSH_URL, pushedMessage, startTestApp, tempDir, type TestApp } from '../support/test-app.js'

const nativePush = (phone: string, text: string, createdAt = Date.now()) => ({
  messages: [{ channel: 'whatsapp', guest: { phone }, direction: 'in', content: { type: 'text', text }, createdAt: new Date(createdAt).toISOString() }],
})
/** Health as a token holder sees it: the reasons' details are only for a request with a credential. */
const health = async (app: App, token: string) =>
  (await app.inject({ url: '/v1/health', headers: bearer(token) })).json() as { status: string; reasons: { code: string; detail: string }[] }

describe('disk full (SQLITE_FULL, provoked for real with max_page_count)', () => {
  let t: TestApp
  let db: Db
  let token: string
  before(async () => {
    // The store on a connection the test holds too, to provoke the failure on it.
    const dataDir = tempDir()
    db = openDatabase(dataDir)
    t = await startTestApp({ dataDir, store: createStore(db) })
    token = t.token()
  })
  after(() => t.close())

  it('answers 507 with Retry-After and says so, in the native and the dialect shapes; health is degraded until a write succeeds', async () => {
    const pages = db.pragma('page_count', { simple: true }) as number
    db.pragma(`max_page_count = ${pages}`)
    const long = 'x'.repeat(3000)
    let native
    for (let i = 0; i < 50; i++) {
      native = await t.app.inject({
        method: 'POST',
        url: '/v1/messages',
        headers: bearer(token),
        payload: nativePush(`+4179555${String(i).padStart(4, '0')}`, long),
      })
      if (native.statusCode !== 201) break
    }
    assert.equal(native!.statusCode, 507, native!.body)
    assert.equal(native!.headers['content-type'], 'application/problem+json; charset=utf-8')
    assert.equal(native!.headers['retry-after'], '300')
    assert.equal(native!.json().title, 'Insufficient Storage')
    assert.match(native!.json().detail, new RegExp(`the disk holding the store ${join(t.dataDir, DATABASE_FILE)} is full; nothing was stored`))

    const dialect = await t.app.inject({
      method: 'POST',
      url: PUSH_URL,
      headers: bearer(token),
      payload: { messages: [pushedMessage({ phone: '+41795550999', text: long, externalId: 'full-1' })] },
    })
    assert.equal(dialect.statusCode, 507)
    assert.equal(dialect.headers['retry-after'], '300')
    assert.equal(dialect.json().status, 507, 'the dialect keeps its own error shape')
    assert.match(dialect.json().message, /is full; nothing was stored/)

    const degraded = await health(t.app, token)
    assert.equal(degraded.status, 'degraded')
    assert.deepEqual(
      degraded.reasons.map((r) => r.code),
      ['disk-full'],
    )

    db.pragma('max_page_count = 4294967294')
    const again = await t.app.inject({ method: 'POST', url: '/v1/messages', headers: bearer(token), payload: nativePush('+41795551000', 'room again') })
    assert.equal(again.statusCode, 201)
    const recovered = await health(t.app, token)
    assert.deepEqual([recovered.status, recovered.reasons], ['ok', []])
  })
})

describe('storage busy beyond the wait (SQLITE_BUSY)', () => {
  let t: TestApp
  let db: Db
  before(async () => {
    const dataDir = tempDir()
    db = openDatabase(dataDir)
    t = await startTestApp({ dataDir, store: createStore(db) })
  })
  after(() => t.close())

  it('answers 503 with Retry-After while another connection holds the write lock, and does not degrade health', async () => {
    const token = t.token()
    const other = new Database(join(t.dataDir, DATABASE_FILE))
    db.pragma('busy_timeout = 50')
    other.exec('BEGIN IMMEDIATE')
    try {
      const response = await t.app.inject({ method: 'POST', url: '/v1/messages', headers: bearer(token), payload: nativePush('+41795552000', 'Hello') })
      assert.equal(response.statusCode, 503)
      assert.equal(response.headers['retry-after'], '5')
      assert.match(response.json().detail, /is locked by another program/)
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    assert.equal((await health(t.app, token)).status, 'ok')
  })
})

describe('read-only storage (SQLITE_READONLY: the store opened read-only)', () => {
  let t: TestApp
  let readOnly: App
  before(async () => {
    t = await startTestApp()
    readOnly = await buildServer({ store: createStore(new Database(join(t.dataDir, DATABASE_FILE), { readonly: true })) })
    await readOnly.ready()
  })
  after(async () => {
    await readOnly.close()
    await t.close()
  })

  it('answers writes 503 with Retry-After, serves reads, and health says read-only', async () => {
    const token = t.token()
    const response = await readOnly.inject({ method: 'POST', url: '/v1/messages', headers: bearer(token), payload: nativePush('+41795553000', 'Hello') })
    assert.equal(response.statusCode, 503, response.body)
    assert.equal(response.headers['retry-after'], '300')
    assert.match(response.json().detail, /is read-only .*nothing was stored/)
    assert.equal((await readOnly.inject({ url: '/v1/conversations', headers: bearer(token) })).statusCode, 200)
    const state = await health(readOnly, token)
    assert.equal(state.status, 'degraded')
    assert.deepEqual(
      state.reasons.map((r) => r.code),
      ['read-only'],
    )
  })
})

describe('outbox stuck or failing', () => {
  let now = Date.now()
  let t: TestApp
  let admin: string
  let conversationId: string
  before(async () => {
    t = await startTestApp({ clock: () => now, delivery: { retryBaseMs: 50, maxDelayMs: 50, maxAttempts: 1, timeoutMs: 500 } })
    admin = t.token(['admin'])
    // A webhook nobody listens on: port 9 (discard) on 127.0.0.1 refuses the connection.
    await t.app.inject({
      method: 'POST',
      url: '/v1/channel-accounts',
      headers: bearer(admin),
      payload: { channel: 'whatsapp', code: 'wa', name: 'WhatsApp', webhookUrl: 'http://127.0.0.1:9/hook', webhookSecret: 'a-webhook-secret-of-some-length' },
    })
    // The guest wrote an hour ago (history the AI agent does not answer): the only replies in the
    // outbox are the ones below, not the agent's handover words, which this webhook would refuse too.
    const pushed = await t.app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: bearer(admin),
      payload: nativePush('+41795554000', 'Hi', now - 3600_000),
    })
    conversationId = pushed.json().items[0].conversationId
    await t.app.inject({ method: 'PUT', url: `/v1/conversations/${conversationId}/mode`, headers: bearer(admin), payload: { mode: 'human' } })
  })
  after(() => t.close())

  it('a reply waiting more than 15 minutes makes health degraded, saying since when', async () => {
    await t.app.delivery.stop()
    const reply = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${conversationId}/messages`,
      headers: bearer(admin),
      payload: { text: 'waiting' },
    })
    assert.equal(reply.statusCode, 201)
    assert.equal((await health(t.app, admin)).status, 'ok', 'a fresh reply is not stuck')
    const queuedAt = now
    now += 16 * 60_000
    const state = await health(t.app, admin)
    assert.equal(state.status, 'degraded')
    assert.equal(state.reasons[0]!.code, 'outbox-stuck')
    assert.match(state.reasons[0]!.detail, new RegExp(`waiting for delivery since ${new Date(queuedAt).toISOString()}`))
  })

  it('a reply that gave up makes health say the outbox is failing, with the last error', async () => {
    t.app.delivery.start()
    const reply = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${conversationId}/messages`,
      headers: bearer(admin),
      payload: { text: 'will fail' },
    })
    const id = reply.json().id as string
    await eventually('the reply to give up', () => assert.equal(t.app.store.messages.get(id)!.status, 'failed'))
    const state = await health(t.app, admin)
    const failing = state.reasons.find((r) => r.code === 'outbox-failing')
    assert.ok(failing, JSON.stringify(state))
    assert.match(failing.detail, /could not be delivered in the last 24 hours \(last error: .+\); staff can retry them/)
  })
})
