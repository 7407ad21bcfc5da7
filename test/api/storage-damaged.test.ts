import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { closeSync, existsSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { restoreFromBackup } from '../../local-api/db/backup.js'
import { DATABASE_FILE } from '../../local-api/db/open.js'
import { buildServer, type App } from '../../local-api/server.js'
import { createApiToken } from '../../local-api/services/api-tokens.js'
import { eventually } from '../support/eventually.js'
import { bearer, PUSH_URL, pushedMessage, tempDir } from '../support/test-app.js'

const MESSAGES = 300

/** Writes random bytes over `count` leaf pages of `table` in a closed store file: real damage, as a bad disk would do. */
function damagePages(file: string, table: string, count: number): number[] {
  const probe = new Database(file, { readonly: true })
  const pageSize = probe.pragma('page_size', { simple: true }) as number
  const pages = (probe.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(table) as number[]).slice(
    1,
    1 + count,
  )
  probe.close()
  assert.equal(pages.length, count, `${table} has enough pages to damage`)
  const fd = openSync(file, 'r+')
  for (const page of pages) {
    const garbage = Buffer.alloc(pageSize)
    for (let i = 0; i < pageSize; i++) garbage[i] = (i * 7919 + page * 104729) % 251
    writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize)
  }
  closeSync(fd)
  return pages
}

describe('a damaged store', () => {
  const dataDir = tempDir('frontdesk-damaged-')
  const file = join(dataDir, DATABASE_FILE)
  /** How many rows a table holds, read through a connection of the test's own. */
  const count = (table: string, where = 'true') => {
    const db = new Database(file, { readonly: true })
    try {
      return db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number
    } finally {
      db.close()
    }
  }
  let app: App
  let token: string
  let backup: string
  let conversations: number
  let storedMessages: number

  before(async () => {
    // A real store with real traffic, backed up, then closed (its WAL checkpointed into the file).
    const healthy = await buildServer({ dataDir })
    await healthy.ready()
    token = createApiToken(healthy.store, { name: 'test', scopes: ['guest.conversation.write', 'guest.conversation.read'] }).token
    for (let i = 0; i < MESSAGES; i += 50) {
      const messages = Array.from({ length: 50 }, (_, m) =>
        pushedMessage({ phone: `+4179${String(1_000_000 + i + m)}`, text: `message ${i + m} ${'about the room '.repeat(20)}` }),
      )
      assert.equal((await healthy.inject({ method: 'POST', url: PUSH_URL, headers: bearer(token), payload: { messages } })).statusCode, 201)
    }
    // Every guest gets the AI agent's handover words: stored before the backup is taken.
    await healthy.aiAgent.idle()
    conversations = count('conversations')
    storedMessages = count('messages')
    backup = await healthy.store.backupIntoDataDir(dataDir)
    await healthy.close()
    damagePages(file, 'messages', 2)
    // Time enough for the check however busy the machine (a check that outlasts it: the test below).
    app = await buildServer({ dataDir, integrityCheckBudgetMs: 60_000 })
    await app.ready()
  })
  after(async () => {
    await app?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('is found by the start-up check: the server starts, and /v1/health is degraded naming the file and the restore command', async () => {
    const anonymous = (await app.inject({ url: '/v1/health' })).json()
    assert.equal(anonymous.status, 'degraded')
    assert.equal(anonymous.reasons[0].code, 'store-damaged')
    assert.doesNotMatch(JSON.stringify(anonymous), new RegExp(dataDir), 'no path to a caller without a credential')
    const health = (await app.inject({ url: '/v1/health', headers: bearer(token) })).json()
    assert.equal(health.status, 'degraded')
    assert.equal(health.reasons[0].code, 'store-damaged')
    assert.match(
      health.reasons[0].detail,
      new RegExp(
        `the store ${file} is damaged \\(.+\\); it is served read-only. Restore from the latest backup: frontdesk restore --data-dir ${dataDir} --from ${backup}`,
      ),
    )
  })

  it('refuses every write with 503 and Retry-After, in the native and the dialect shapes', async () => {
    const native = await app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: bearer(token),
      payload: {
        messages: [
          {
            channel: 'whatsapp',
            guest: { phone: '+41795550000' },
            direction: 'in',
            content: { type: 'text', text: 'Hi' },
            createdAt: new Date().toISOString(),
          },
        ],
      },
    })
    assert.equal(native.statusCode, 503)
    assert.equal(native.headers['retry-after'], '3600')
    assert.equal(native.headers['content-type'], 'application/problem+json; charset=utf-8')
    assert.match(
      native.json().detail,
      new RegExp(
        `the store ${file} is damaged, so Frontdesk Inbox serves it read-only and stores nothing new. Restore from the latest backup: frontdesk restore --data-dir ${dataDir} --from ${backup}`,
      ),
    )
    const dialect = await app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(token), payload: { messages: [pushedMessage()] } })
    assert.equal(dialect.statusCode, 503)
    assert.match(dialect.json().message, /is damaged/)
  })

  it('still serves what can be read', async () => {
    const properties = await app.inject({ url: '/v1/properties', headers: bearer(token) })
    assert.equal(properties.statusCode, 200)
    assert.equal(properties.json().length, 1)
  })

  it('is found also when the check outlasts its start-up time budget: the server serves at once, then turns read-only', async () => {
    await app.close()
    app = await buildServer({ dataDir, integrityCheckBudgetMs: 0 })
    await app.ready()
    await eventually('the check to find the damage', () => assert.ok(app.storageHealth.damaged))
    const health = (await app.inject({ url: '/v1/health' })).json()
    assert.equal(health.reasons[0]?.code, 'store-damaged', JSON.stringify(health))
    const write = await app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(token), payload: { messages: [pushedMessage()] } })
    assert.equal(write.statusCode, 503)
    assert.equal(write.headers['retry-after'], '3600')
  })

  it('is restored from the backup: the replaced file is kept aside, and the server is healthy with every conversation', async () => {
    await app.close()
    const restored = await restoreFromBackup(dataDir, backup)
    assert.ok(restored.replacedKeptAt && existsSync(restored.replacedKeptAt))
    assert.ok(readdirSync(dataDir).some((name) => name.startsWith('frontdesk-replaced-')))
    app = await buildServer({ dataDir })
    await app.ready()
    const health = (await app.inject({ url: '/v1/health' })).json()
    assert.deepEqual([health.status, health.reasons], ['ok', []])
    assert.equal(count('conversations'), conversations)
    assert.equal(count('messages'), storedMessages)
    assert.equal(count('messages', "direction = 'in'"), MESSAGES)
  })
})
