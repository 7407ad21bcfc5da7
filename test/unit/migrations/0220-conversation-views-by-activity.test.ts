import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { migrate } from '../../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { VIEW_COUNT_LIMIT, viewCountsQuery } from '../../../local-api/db/conversations.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0220 conversation views by activity', () => {
  const db = new Database(join(dir, 'views.sqlite'))
  migrate(
    db,
    migrations.filter((migration) => migration.version <= 210),
  )
  db.exec(`INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'Hotel', 'CH', 'Europe/Zurich', 1)`)
  const conversation = db.prepare(
    `INSERT INTO conversations (id, property_id, channel, created_at, last_message_at, state, waiting_since) VALUES (?, 'prop_1', 'web_chat', 1, ?, ?, ?)`,
  )
  // More open conversations than the counts go to, a few of them waiting; three resolved, one snoozed.
  db.transaction(() => {
    for (let i = 0; i < VIEW_COUNT_LIMIT + 20; i++) conversation.run(`conv_open_${i}`, i, 'open', i < 7 ? i : null)
    for (let i = 0; i < 3; i++) conversation.run(`conv_resolved_${i}`, i, 'resolved', null)
    conversation.run('conv_snoozed', 1, 'snoozed', null)
  })()
  migrate(db, migrations)

  it('indexes the open and the resolved conversations by activity, whatever their property', () => {
    const sql = (name: string) =>
      (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(name) as string).replace(/\s+/g, ' ')
    assert.match(sql('conversations_open'), /ON conversations \(last_message_at, id\) WHERE state = 'open'/)
    assert.match(sql('conversations_resolved'), /ON conversations \(last_message_at, id\) WHERE state = 'resolved'/)
  })

  it('counts each view exactly below the limit and as the limit at or above it', () => {
    const { sql, params } = viewCountsQuery({ now: Date.now() })
    assert.deepEqual({ ...(db.prepare(sql).get(params) as object) }, { needs_reply: 7, open: VIEW_COUNT_LIMIT, snoozed: 1, resolved: 3, all: VIEW_COUNT_LIMIT })
    const property = viewCountsQuery({ propertyId: 'prop_1', channel: 'web_chat', now: Date.now() })
    assert.deepEqual(
      { ...(db.prepare(property.sql).get(property.params) as object) },
      {
        needs_reply: 7,
        open: VIEW_COUNT_LIMIT,
        snoozed: 1,
        resolved: 3,
        all: VIEW_COUNT_LIMIT,
      },
    )
  })
})
