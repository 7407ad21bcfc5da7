import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { migrate, schemaVersion } from '../../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0120 outbox leases and health', () => {
  it('adds an empty claim to the replies already queued, and the indexes health reads', () => {
    const db = new Database(join(dir, 'leases.sqlite'))
    db.pragma('foreign_keys = ON')
    // A desk from before 0120 (the last shipped schema) with a reply waiting in its outbox.
    const before = migrations.filter((migration) => migration.version <= 70)
    migrate(db, before)
    db.exec(`
      INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'H', 'CH', 'UTC', 0);
      INSERT INTO channel_accounts (id, property_id, channel, code, name, created_at) VALUES ('chn_1', 'prop_1', 'whatsapp', 'wa', 'WhatsApp', 0);
      INSERT INTO conversations (id, property_id, channel, created_at, last_message_at) VALUES ('conv_1', 'prop_1', 'whatsapp', 0, 0);
      INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at)
        VALUES ('msg_1', 'conv_1', 'out', 'text', '{}', 'Hello', 'queued', 0, 0);
      INSERT INTO outbox (message_id, channel_account_id, state, attempts, next_attempt_at, created_at, updated_at)
        VALUES ('msg_1', 'chn_1', 'queued', 2, 5, 1, 1);`)

    assert.deepEqual(migrate(db, migrations).includes(120), true)
    assert.equal(schemaVersion(db), migrations.at(-1)!.version)
    const row = db.prepare("SELECT state, attempts, claimed_by, lease_until FROM outbox WHERE message_id = 'msg_1'").get()
    assert.deepEqual(row, { state: 'queued', attempts: 2, claimed_by: null, lease_until: null })
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox'").all() as { name: string }[]).map((i) => i.name)
    assert.ok(indexes.includes('outbox_queued_by_age'))
    assert.ok(indexes.includes('outbox_failed_by_time'))
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT created_at FROM outbox WHERE state = 'queued' ORDER BY created_at LIMIT 1").all() as { detail: string }[]
    assert.match(plan.map((step) => step.detail).join(' '), /outbox_queued_by_age/)
    db.close()
  })
})
