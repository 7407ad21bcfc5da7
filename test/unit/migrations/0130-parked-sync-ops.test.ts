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

describe('0130 parked sync ops', () => {
  it('adds an empty table of parked ops beside the waiting ones, which it leaves as they are', () => {
    const db = new Database(join(dir, 'parked.sqlite'))
    db.pragma('foreign_keys = ON')
    // A synced desk from before 0130 with an op waiting for what it refers to.
    migrate(
      db,
      migrations.filter((migration) => migration.version < 130),
    )
    db.prepare('INSERT INTO sync_pending (op_id, op, reason, since) VALUES (?, ?, ?, ?)').run('op-1', '{"entity":"lead"}', 'waits for conversation c1', 5)

    assert.deepEqual(
      migrate(
        db,
        migrations.filter((migration) => migration.version <= 130),
      ),
      [130],
    )
    assert.equal(schemaVersion(db), 130)
    assert.deepEqual(db.prepare('SELECT op_id, reason, since FROM sync_pending').all(), [{ op_id: 'op-1', reason: 'waits for conversation c1', since: 5 }])
    assert.deepEqual(db.prepare('SELECT count(*) AS n FROM sync_parked_ops').get(), { n: 0 })

    const park = db.prepare('INSERT INTO sync_parked_ops (op_id, entity, entity_id, op, reason, parked_at) VALUES (?, ?, ?, ?, ?, ?)')
    park.run('op-2', 'guest_identity', 'bogus:1', '{"entity":"guest_identity"}', 'CHECK constraint failed', 7)
    assert.throws(() => park.run('op-2', 'guest_identity', 'bogus:1', '{}', 'again', 8), /UNIQUE/)
    assert.throws(() => park.run('op-3', 'lead', 'l1', 'not json', 'x', 8), /CHECK/)
    db.close()
  })
})
