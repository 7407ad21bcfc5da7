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

describe('0140 desk identity', () => {
  it('takes every op made so far as possibly sent, and records no machine or change of id yet', () => {
    const db = new Database(join(dir, 'identity.sqlite'))
    db.pragma('foreign_keys = ON')
    // A connected desk from before 0140 (the last shipped schema) that has made 12 ops, 9 acknowledged.
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 120),
    )
    db.exec("UPDATE sync_config SET central_url = 'http://central', next_client_seq = 13, acked_seq = 9")
    const clientId = db.prepare('SELECT client_id FROM sync_config').pluck().get()

    assert.equal(migrate(db, migrations).includes(140), true)
    assert.equal(schemaVersion(db), migrations.at(-1)!.version)
    const row = db.prepare('SELECT client_id, next_client_seq, acked_seq, pushed_seq, machine, identity_change, identity_changed_at FROM sync_config').get()
    assert.deepEqual(row, {
      client_id: clientId,
      next_client_seq: 13,
      acked_seq: 9,
      // The server acknowledging up to 12 is this desk's own doing, not a copy's.
      pushed_seq: 12,
      machine: null,
      identity_change: null,
      identity_changed_at: null,
    })
    assert.throws(() => db.exec("UPDATE sync_config SET identity_change = 'moved'"), /CHECK constraint failed/)
    db.close()
  })
})
