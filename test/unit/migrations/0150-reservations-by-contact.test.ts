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

describe('0150 reservations by contact', () => {
  it("finds a store's existing reservations by phone and by email through an index, not a scan", () => {
    const db = new Database(join(dir, 'contacts.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 140),
    )
    db.exec(`
      INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'Hotel', 'CH', 'UTC', 1);
      INSERT INTO guests (id, created_at, updated_at) VALUES ('gst_1', 1, 1);
      INSERT INTO reservations (id, property_id, confirmation_number, guest_id, phone, email, arrival, departure, status, created_at, updated_at)
        VALUES ('res_1', 'prop_1', 'A1', 'gst_1', '+41791110001', NULL, '2027-03-01', '2027-03-02', 'confirmed', 1, 1),
               ('res_2', 'prop_1', 'A2', 'gst_1', NULL, 'anna@example.ch', '2027-03-01', '2027-03-02', 'confirmed', 1, 1);
    `)
    assert.deepEqual(migrate(db, migrations), [150, ...migrations.filter((migration) => migration.version > 150).map((migration) => migration.version)])
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' ')
    assert.match(plan("SELECT * FROM reservations WHERE phone = '+41791110001'"), /USING INDEX reservations_by_phone/)
    assert.match(plan("SELECT * FROM reservations WHERE email = 'anna@example.ch'"), /USING INDEX reservations_by_email/)
    assert.deepEqual(db.prepare("SELECT id FROM reservations WHERE phone = '+41791110001' OR email = 'anna@example.ch' ORDER BY id").pluck().all(), [
      'res_1',
      'res_2',
    ])
    db.close()
  })
})
