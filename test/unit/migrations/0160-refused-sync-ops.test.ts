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

describe('0160 refused sync ops', () => {
  it('adds an empty table of refused ops, and lets the identity change say "restored or cloned", keeping the one recorded', () => {
    const db = new Database(join(dir, 'refused.sqlite'))
    db.pragma('foreign_keys = ON')
    // A desk at 0150 that was restored from a backup a day ago.
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 150),
    )
    db.exec("UPDATE sync_config SET central_url = 'http://central', machine = 'm1', identity_change = 'restored', identity_changed_at = 5")

    assert.deepEqual(
      migrate(
        db,
        migrations.filter((migration) => migration.version <= 160),
      ),
      [160],
    )
    assert.equal(schemaVersion(db), 160)
    assert.deepEqual(db.prepare('SELECT central_url, machine, identity_change, identity_changed_at, untracked_copies FROM sync_config').get(), {
      central_url: 'http://central',
      machine: 'm1',
      identity_change: 'restored',
      identity_changed_at: 5,
      untracked_copies: 0,
    })
    db.exec("UPDATE sync_config SET identity_change = 'restored-or-cloned'")
    assert.throws(() => db.exec("UPDATE sync_config SET identity_change = 'moved'"), /CHECK constraint failed/)
    assert.throws(() => db.exec('UPDATE sync_config SET untracked_copies = 2'), /CHECK constraint failed/)

    assert.deepEqual(db.prepare('SELECT count(*) AS n FROM sync_refused_ops').get(), { n: 0 })
    const keep = db.prepare('INSERT INTO sync_refused_ops (op_id, entity, entity_id, op, reason, refused_at) VALUES (?, ?, ?, ?, ?, ?)')
    keep.run('op-1', 'template', 'tpl_1', '{"entity":"template"}', 'a timestamp 2880 min ahead of this clock was refused', 7)
    assert.throws(() => keep.run('op-1', 'template', 'tpl_1', '{}', 'again', 8), /UNIQUE/)
    assert.throws(() => keep.run('op-2', 'template', 'tpl_2', 'not json', 'x', 8), /CHECK/)
    db.close()
  })
})
