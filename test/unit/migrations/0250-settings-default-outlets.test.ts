import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { migrate } from '../../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { defaultOutletOf } from '../../../local-api/domain/default-outlet.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0250 default outlets', () => {
  it('gives every property without an outlet the "Front desk" one, with the id new properties get; others keep theirs', () => {
    const db = new Database(join(dir, 'outlets.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(
      db,
      migrations.filter((migration) => migration.version < 250),
    )
    const property = db.prepare(`INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES (?, ?, 'CH', 'Europe/Zurich', 1)`)
    property.run('prop_01BARE', 'Hotel without outlets')
    property.run('prop_01SPA', 'Hotel with a spa')
    db.exec(`INSERT INTO outlets (id, property_id, code, name, available, position, created_at) VALUES ('out_spa', 'prop_01SPA', 'spa', 'Spa', 1, 1, 1)`)
    migrate(db, migrations)

    const rows = db.prepare('SELECT id, property_id AS propertyId, code, name, available, position FROM outlets ORDER BY property_id, id').all()
    assert.deepEqual(rows, [
      { ...defaultOutletOf('prop_01BARE'), available: 1, position: 1 },
      { id: 'out_spa', propertyId: 'prop_01SPA', code: 'spa', name: 'Spa', available: 1, position: 1 },
    ])
    assert.equal(defaultOutletOf('prop_01BARE').id, 'out_01BARE')
    db.close()
  })
})
