import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { migrate } from '../../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0240 the unread conversations index', () => {
  it('indexes the existing unread conversations by activity, and only them', () => {
    const db = new Database(join(dir, 'unread.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 230),
    )
    db.exec(`INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'Hotel', 'CH', 'Europe/Zurich', 1)`)
    const conversation = db.prepare(
      `INSERT INTO conversations (id, property_id, channel, created_at, last_message_at, unread_count) VALUES (?, 'prop_1', 'web_chat', 1, ?, ?)`,
    )
    conversation.run('conv_read', 30, 0)
    conversation.run('conv_unread_old', 10, 2)
    conversation.run('conv_unread_new', 20, 1)
    migrate(db, migrations)

    const query = 'SELECT id FROM conversations WHERE unread_count > 0 ORDER BY last_message_at DESC, id DESC'
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((row) => row.detail).join('\n')
    assert.match(plan, /conversations_unread/)
    assert.deepEqual(db.prepare(query).pluck().all(), ['conv_unread_new', 'conv_unread_old'])
    db.close()
  })
})
