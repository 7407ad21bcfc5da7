import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { migrate, schemaVersion } from '../../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0080 guest merges', () => {
  it('adds guest_merges to a desk of 0070, keeping what it holds', () => {
    const db = new Database(join(dir, 'before.sqlite'))
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 70),
    )
    db.prepare("INSERT INTO guests (id, first_name, created_at, updated_at) VALUES ('gst_1', 'Eva', 1, 1)").run()
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 80),
    )
    assert.equal(schemaVersion(db), 80)
    assert.equal(db.prepare('SELECT first_name FROM guests').pluck().get(), 'Eva')
    const columns = (db.prepare('PRAGMA table_info(guest_merges)').all() as { name: string }[]).map((column) => column.name)
    for (const column of [
      'id',
      'kept_guest_id',
      'gone_guest_id',
      'gone_first_name',
      'gone_created_at',
      'moved',
      'merged_by_agent_id',
      'merged_by_token',
      'reason',
      'created_at',
      'undone_at',
      'undone_by_agent_id',
    ]) {
      assert.ok(columns.includes(column), column)
    }
    db.close()
  })

  it('keeps merge ids unique, a merge between two profiles, and what moved as JSON', () => {
    const db = new Database(join(dir, 'checks.sqlite'))
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 80),
    )
    const insert = db.prepare(`INSERT INTO guest_merges (id, kept_guest_id, gone_guest_id, gone_created_at, gone_updated_at, moved, created_at)
      VALUES (?, ?, ?, 0, 0, ?, 0)`)
    const moved = JSON.stringify({ identities: [1], conversations: ['conv_1'], reservations: [], leads: [], onsiteContacts: [] })
    insert.run('gmg_1', 'gst_1', 'gst_2', moved)
    assert.throws(() => insert.run('gmg_1', 'gst_1', 'gst_3', moved), /UNIQUE/)
    assert.throws(() => insert.run('gmg_2', 'gst_1', 'gst_1', moved), /CHECK/)
    assert.throws(() => insert.run('gmg_3', 'gst_1', 'gst_2', 'not json'), /CHECK/)
    // No foreign key to guests: the profile merged away is deleted while the record stays.
    assert.equal(db.prepare("SELECT json_extract(moved, '$.conversations[0]') FROM guest_merges WHERE id = 'gmg_1'").pluck().get(), 'conv_1')
    db.close()
  })
})
