import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from '../../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0070 clocks for changes made before sync', () => {
  it('gives every earlier local change a clock, in log order, from the time it was made', () => {
    const db = new Database(join(dir, 'before-sync.sqlite'))
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 60),
    )
    const log = db.prepare("INSERT INTO change_log (entity, entity_id, op, fields, created_at) VALUES ('guest', ?, 'update', '{}', ?)")
    // Three changes in one millisecond, then one from a clock that went backwards.
    for (const [id, at] of [
      ['g1', 1_700_000_000_000],
      ['g2', 1_700_000_000_000],
      ['g3', 1_700_000_000_000],
      ['g4', 1_699_999_999_000],
    ] as const)
      log.run(id, at)
    db.prepare("INSERT INTO change_log (entity, entity_id, op, fields, created_at, origin) VALUES ('guest', 'g5', 'update', '{}', 1, 'otherdesk')").run()
    migrate(db, migrations)
    const node = db.prepare('SELECT client_id FROM sync_config').pluck().get() as string
    const clocks = db.prepare('SELECT hlc FROM change_log ORDER BY seq').pluck().all()
    assert.deepEqual(clocks, [
      `001700000000000-0000-${node}`,
      `001700000000000-0001-${node}`,
      `001700000000000-0002-${node}`,
      `001700000000000-0003-${node}`,
      null,
    ])
    db.close()
  })
})
