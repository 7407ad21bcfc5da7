import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { migrate } from '../../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { createStore } from '../../../local-api/db/store.js'
import { createStatsService } from '../../../local-api/services/stats.js'
import { referenceStats } from '../../support/stats-reference.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

const T0 = Date.parse('2026-11-02T08:00:00Z')
const CONVERSATIONS = 120

describe('0170 stats rollups', () => {
  it("counts a store's existing conversations in chunks, resumes after a restart, and says how far it is meanwhile", () => {
    const file = join(dir, 'stats.sqlite')
    let db = new Database(file)
    db.pragma('foreign_keys = ON')
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 160),
    )
    db.exec(`INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'Hotel', 'CH', 'Europe/Zurich', 1)`)
    const conversation = db.prepare(`INSERT INTO conversations (id, property_id, channel, created_at, last_message_at) VALUES (?, 'prop_1', 'web_chat', ?, ?)`)
    const message = db.prepare(
      `INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at, property_id)
       VALUES (?, ?, ?, 'text', '{}', 'hi', 'received', ?, ?, 'prop_1')`,
    )
    db.transaction(() => {
      for (let i = 0; i < CONVERSATIONS; i++) {
        const at = T0 + i * 3_600_000
        conversation.run(`conv_${i}`, at, at + 4000)
        message.run(`msg_${i}_in`, `conv_${i}`, 'in', at, at)
        if (i % 2 === 0) message.run(`msg_${i}_out`, `conv_${i}`, 'out', at + 4000, at + 4000)
      }
    })()
    assert.deepEqual(migrate(db, migrations), [170, ...migrations.filter((migration) => migration.version > 170).map((migration) => migration.version)])

    const period = { propertyId: 'prop_1', from: Date.parse('2026-11-01T23:00:00Z'), to: Date.parse('2026-11-08T23:00:00Z') }
    let store = createStore(db)
    let stats = createStatsService(store, Date.now)
    const before = stats.summary(period)
    assert.deepEqual(before.preparing, { done: 0, total: CONVERSATIONS })
    assert.equal(before.values.activeConversations.value, null)

    // One chunk, then the desk stops: the next start goes on from there.
    assert.equal(
      store.transaction(() => store.stats.buildChunk(0)),
      true,
    )
    store.close()
    db = new Database(file)
    store = createStore(db)
    stats = createStatsService(store, Date.now)
    const halfway = stats.summary(period).preparing!
    assert.ok(halfway.done > 0 && halfway.done < CONVERSATIONS, `${halfway.done} of ${CONVERSATIONS} counted`)
    while (store.transaction(() => store.stats.buildChunk(0))) {
      /* chunk after chunk */
    }
    const done = stats.summary(period)
    assert.equal(done.preparing, null)
    const reference = referenceStats(db)
    assert.equal(done.values.activeConversations.value, reference.activeConversations(period))
    assert.equal(done.values.activeConversations.value, CONVERSATIONS)
    assert.deepEqual([done.values.responseRate.numerator, done.values.responseRate.denominator], [CONVERSATIONS / 2, CONVERSATIONS])
    store.close()
  })
})
