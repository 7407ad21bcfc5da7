import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { assertMonotonic, DatabaseTooNewError } from '../../../sync-core/migrations/migration-plan.js'
import { migrate, schemaVersion } from '../../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { openDatabaseFile } from '../../../local-api/db/open.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('migrations', () => {
  it('are listed in strictly increasing version order, in steps of 10', () => {
    assertMonotonic(migrations)
    for (const migration of migrations) assert.equal(migration.version % 10, 0, migration.name)
  })

  it('refuse a list that goes backwards', () => {
    assert.throws(
      () =>
        assertMonotonic([
          { version: 20, name: 'b' },
          { version: 10, name: 'a' },
        ]),
      /does not follow/,
    )
  })

  it('bring a new file to the latest version and record it in user_version', () => {
    const db = openDatabaseFile(join(dir, 'new.sqlite'))
    assert.equal(schemaVersion(db), migrations.at(-1)!.version)
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal')
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1)
    db.close()
  })

  it('apply nothing twice: reopening an up-to-date file runs no migration', () => {
    const file = join(dir, 'twice.sqlite')
    openDatabaseFile(file).close()
    const db = new Database(file)
    assert.deepEqual(migrate(db, migrations), [])
    db.close()
  })

  it('roll back entirely when one step fails', () => {
    const db = new Database(join(dir, 'failing.sqlite'))
    const failing = {
      version: 20,
      name: 'boom',
      up: () => {
        throw new Error('boom')
      },
    }
    assert.throws(() => migrate(db, [...migrations, failing]), /boom/)
    assert.equal(schemaVersion(db), 0)
    assert.equal((db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'messages'").get() as { n: number }).n, 0)
    db.close()
  })

  it('refuse to open a database made by a newer app, with a clear error', () => {
    const file = join(dir, 'future.sqlite')
    const db = new Database(file)
    db.pragma('user_version = 9990')
    db.close()
    assert.throws(
      () => openDatabaseFile(file),
      (error: unknown) => {
        assert.ok(error instanceof DatabaseTooNewError)
        assert.match(error.message, /newer than this app understands/)
        return true
      },
    )
  })
})
