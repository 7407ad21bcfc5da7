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

/** A desk of 0050 with two changes in its log, migrated to 0060. */
function deskMigratedFrom0050(file: string) {
  const db = new Database(join(dir, file))
  migrate(
    db,
    migrations.filter((migration) => migration.version <= 50),
  )
  const log = db.prepare("INSERT INTO change_log (entity, entity_id, op, fields, created_at) VALUES ('guest', ?, ?, ?, ?)")
  log.run('gst_1', 'insert', '{"firstName":"Eva"}', 1_700_000_000_000)
  log.run('gst_1', 'update', '{"lastName":"Keller"}', 1_700_000_001_000)
  migrate(
    db,
    migrations.filter((migration) => migration.version <= 60),
  )
  return db
}

describe('0060 sync', () => {
  const db = deskMigratedFrom0050('before.sqlite')
  after(() => db.close())

  it('keeps the change log, its changes as made on this desk and without a clock yet (0070 gives them one)', () => {
    assert.equal(schemaVersion(db), 60)
    assert.deepEqual(db.prepare('SELECT seq, entity_id AS entityId, op, fields, created_at AS createdAt, hlc, origin FROM change_log ORDER BY seq').all(), [
      { seq: 1, entityId: 'gst_1', op: 'insert', fields: '{"firstName":"Eva"}', createdAt: 1_700_000_000_000, hlc: null, origin: null },
      { seq: 2, entityId: 'gst_1', op: 'update', fields: '{"lastName":"Keller"}', createdAt: 1_700_000_001_000, hlc: null, origin: null },
    ])
    assert.throws(() => db.exec("UPDATE change_log SET hlc = 'x'"), /append-only/)
    assert.throws(() => db.exec('DELETE FROM change_log'), /append-only/)
  })

  it('gives the desk its one sync configuration: a random client id, not connected, nothing sent yet', () => {
    const config = db.prepare('SELECT * FROM sync_config').all() as Record<string, unknown>[]
    assert.equal(config.length, 1)
    const [{ client_id: clientId, ...rest }] = config as [Record<string, unknown>]
    assert.match(String(clientId), /^[0-9a-f]{16}$/)
    assert.deepEqual(rest, {
      id: 1,
      central_url: null,
      credential: null,
      device_id: null,
      property_id: null,
      materialized_through: 0,
      next_client_seq: 1,
      acked_seq: 0,
      hlc: null,
      last_sync_at: null,
      last_error: null,
    })
    assert.throws(() => db.prepare("INSERT INTO sync_config (id, client_id) VALUES (2, 'another')").run(), /CHECK/)
  })

  it('gives every desk a client id of its own', () => {
    const other = deskMigratedFrom0050('other.sqlite')
    try {
      assert.notEqual(other.prepare('SELECT client_id FROM sync_config').pluck().get(), db.prepare('SELECT client_id FROM sync_config').pluck().get())
    } finally {
      other.close()
    }
  })

  it('keys ops, cursors, merged entities, aliases and pending ops as sync reads them', () => {
    db.prepare('INSERT INTO sync_outbox (client_seq, op) VALUES (1, ?)').run('{}')
    assert.throws(() => db.prepare('INSERT INTO sync_outbox (client_seq, op) VALUES (1, ?)').run('{}'), /UNIQUE|PRIMARY KEY/)
    db.prepare("INSERT INTO sync_cursors (space, server_seq) VALUES ('prop_1', 4)").run()
    assert.throws(() => db.prepare("INSERT INTO sync_cursors (space, server_seq) VALUES ('prop_1', 5)").run(), /UNIQUE|PRIMARY KEY/)
    const entity = db.prepare("INSERT INTO sync_entities (entity, entity_id, fields, clocks) VALUES (?, 'gst_1', '{}', '{}')")
    entity.run('guest')
    entity.run('reservation')
    assert.throws(() => entity.run('guest'), /UNIQUE|PRIMARY KEY/)
    const alias = db.prepare("INSERT INTO sync_aliases (entity, source_id, target_id) VALUES ('guest', ?, 'gst_1')")
    alias.run('gst_2')
    assert.throws(() => alias.run('gst_2'), /UNIQUE|PRIMARY KEY/)
    db.prepare("INSERT INTO sync_pending (op_id, op, reason, since) VALUES ('op_1', '{}', 'newer schema', 1)").run()
    assert.throws(() => db.prepare("INSERT INTO sync_pending (op_id, op, reason, since) VALUES ('op_1', '{}', 'again', 2)").run(), /UNIQUE|PRIMARY KEY/)
  })
})
