import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { openSqliteCentralStore } from '../../../central/store/sqlite-store.js'
import { initialSchema } from '../../../central/store/migrations/sqlite/0010-initial-schema.js'
import { migrations } from '../../../central/store/migrations/sqlite/index.js'
import { migrate, schemaVersion } from '../../../sync-core/migrations/sqlite-migrate.js'
import { PRE_MIGRATION_CONTENT as content, PRE_MIGRATION_SQLITE_SCHEMA } from '../../fixtures/central-pre-migration.js'
import { assertServesPreMigrationContent } from '../../support/central-pre-migration.js'
import { tempDir } from '../../support/test-app.js'

const root = tempDir('frontdesk-central-sqlite-0010-')
after(() => rmSync(root, { recursive: true, force: true }))

/** The central's file in a new data dir. */
function centralFile(name: string): { dir: string; file: string } {
  const dir = join(root, name)
  mkdirSync(dir)
  return { dir, file: join(dir, 'central.sqlite') }
}

/** Every table and index with its SQL as SQLite keeps it, whitespace and IF NOT EXISTS aside. */
function schemaOf(file: string) {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare('SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master ORDER BY name').all() as { sql: string | null }[]).map((row) => ({
      ...row,
      sql:
        row.sql
          ?.replace(/\s+/g, ' ')
          .replace(/ IF NOT EXISTS /g, ' ')
          .trim() ?? null,
    }))
  } finally {
    db.close()
  }
}

/** A central file as a server made it before numbered migrations: its schema, no version, some content. */
function preMigrationFile(file: string): void {
  const db = new Database(file)
  db.exec(PRE_MIGRATION_SQLITE_SCHEMA)
  const { device, op, rejected } = content
  db.prepare('INSERT INTO devices (id, name, property_id, credential_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    device.id,
    device.name,
    device.propertyId,
    content.credentialHash,
    device.createdAt,
    device.revokedAt,
  )
  db.prepare('INSERT INTO clients (client_id, device_id, acked_seq, updated_at) VALUES (?, ?, ?, ?)').run(content.clientId, device.id, 2, content.receivedAt)
  db.prepare('INSERT INTO spaces (space, last_seq, floor) VALUES (?, 1, 1)').run(content.propertyId)
  db.prepare('INSERT INTO ops (space, server_seq, op_id, client_id, client_seq, op, received_at) VALUES (?, 1, ?, ?, ?, ?, ?)').run(
    content.propertyId,
    op.opId,
    op.clientId,
    op.clientSeq,
    JSON.stringify(op),
    content.receivedAt,
  )
  db.prepare('INSERT INTO state (space, rank, entity, entity_id, fields, clocks, server_seq) VALUES (?, ?, ?, ?, ?, ?, 1)').run(
    content.propertyId,
    content.rank,
    op.entity,
    op.entityId,
    JSON.stringify(op.fields),
    JSON.stringify({ mode: op.hlc }),
  )
  db.prepare('INSERT INTO rejected_ops (op_id, client_id, client_seq, reason, op, at) VALUES (?, ?, ?, ?, ?, ?)').run(
    rejected.opId,
    rejected.clientId,
    rejected.clientSeq,
    content.rejectedReason,
    JSON.stringify(rejected),
    content.receivedAt,
  )
  db.close()
}

describe('central SQLite 0010 initial schema', () => {
  it('makes a new central file at version 10 with the tables the central keeps', async () => {
    const { file } = centralFile('new')
    const made = new Database(file)
    assert.deepEqual(migrate(made, [initialSchema]), [10])
    made.close()
    const db = new Database(file, { readonly: true })
    assert.equal(schemaVersion(db), 10)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
    assert.deepEqual(tables, ['clients', 'devices', 'ops', 'rejected_ops', 'spaces', 'state'])
    db.close()
  })

  it('makes exactly the schema the store made itself before numbered migrations', async () => {
    const migrated = centralFile('migrated')
    const made = new Database(migrated.file)
    migrate(made, [initialSchema])
    made.close()
    const old = centralFile('old-schema')
    new Database(old.file).exec(PRE_MIGRATION_SQLITE_SCHEMA).close()
    assert.deepEqual(schemaOf(migrated.file), schemaOf(old.file))
  })

  it('opens a file made before numbered migrations: marked at version 10 and migrated from there, nothing rebuilt, all it held served', async () => {
    const { dir, file } = centralFile('pre-migration')
    preMigrationFile(file)
    const fresh = centralFile('fresh')
    await openSqliteCentralStore(fresh.dir).close()
    const store = openSqliteCentralStore(dir)
    try {
      await assertServesPreMigrationContent(store)
    } finally {
      await store.close()
    }
    const db = new Database(file, { readonly: true })
    assert.equal(schemaVersion(db), migrations.at(-1)!.version)
    db.close()
    assert.deepEqual(schemaOf(file), schemaOf(fresh.file), 'the schema a new central file has')
  })
})
