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

describe('0050 insight', () => {
  // A desk of 0040: a guest known by a pushed phone number, their conversation, a reservation.
  const db = new Database(join(dir, 'before.sqlite'))
  after(() => db.close())
  db.pragma('foreign_keys = ON')
  migrate(
    db,
    migrations.filter((migration) => migration.version <= 40),
  )
  db.exec(`
    INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'H', 'CH', 'UTC', 0);
    INSERT INTO guests (id, first_name, created_at, updated_at) VALUES ('gst_1', 'Eva', 0, 0);
    INSERT INTO guest_identities (rowid, kind, value, guest_id, created_at) VALUES (1, 'phone', '+41795550101', 'gst_1', 0), (2, 'email', 'eva@example.com', 'gst_1', 0);
    INSERT INTO conversations (id, property_id, channel, identity_rowid, guest_id, created_at, last_message_at, last_message_preview)
      VALUES ('conv_1', 'prop_1', 'whatsapp', 1, 'gst_1', 0, 5, 'Could we book for March?');
    INSERT INTO reservations (id, property_id, confirmation_number, guest_id, arrival, departure, status, created_at, updated_at)
      VALUES ('res_1', 'prop_1', 'R-1', 'gst_1', '2030-03-03', '2030-03-05', 'confirmed', 0, 0);`)
  migrate(
    db,
    migrations.filter((migration) => migration.version <= 50),
  )

  it('keeps the conversations, with nothing to tell about them yet', () => {
    assert.equal(schemaVersion(db), 50)
    assert.deepEqual(db.prepare('SELECT id, guest_id AS guestId, last_message_preview AS preview, kind, persona, insight FROM conversations').all(), [
      { id: 'conv_1', guestId: 'gst_1', preview: 'Could we book for March?', kind: null, persona: null, insight: null },
    ])
  })

  it('counts the identities the desk already held as verified: a system gave them', () => {
    assert.deepEqual(db.prepare('SELECT kind, value, guest_id AS guestId, verified FROM guest_identities ORDER BY rowid').all(), [
      { kind: 'phone', value: '+41795550101', guestId: 'gst_1', verified: 1 },
      { kind: 'email', value: 'eva@example.com', guestId: 'gst_1', verified: 1 },
    ])
    db.exec("INSERT INTO guest_identities (kind, value, verified, created_at) VALUES ('email', 'found@example.com', 0, 1)")
    assert.throws(() => db.exec("INSERT INTO guest_identities (kind, value, verified, created_at) VALUES ('email', 'maybe@example.com', 2, 1)"), /CHECK/)
  })

  it("keeps a conversation's type to booking, lead, faq or mixed, and lists each type by activity through its index", () => {
    db.exec("UPDATE conversations SET kind = 'booking', persona = 'family', insight = '{\"intent\":{\"level\":\"high\"}}' WHERE id = 'conv_1'")
    assert.throws(() => db.exec("UPDATE conversations SET kind = 'spam' WHERE id = 'conv_1'"), /CHECK/)
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM conversations WHERE kind = 'booking' ORDER BY last_message_at DESC, id DESC").all() as {
      detail: string
    }[]
    assert.match(plan.map((step) => step.detail).join('\n'), /conversations_by_kind_activity/)
  })

  it("finds a property's arrivals of a day through an index", () => {
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM reservations WHERE property_id = 'prop_1' AND arrival = '2030-03-03'").all() as {
      detail: string
    }[]
    assert.match(plan.map((step) => step.detail).join('\n'), /reservations_by_arrival/)
  })
})
