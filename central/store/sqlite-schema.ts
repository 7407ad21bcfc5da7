import type { Database } from 'better-sqlite3'
import { migrate, schemaVersion } from '../../sync-core/migrations/sqlite-migrate.js'
import { initialSchema } from './migrations/sqlite/0010-initial-schema.js'
import { migrations } from './migrations/sqlite/index.js'

/**
 * Brings a central SQLite file to the latest schema; returns the versions applied. A file made
 * before numbered migrations has 0010's tables and no version: it is marked at 0010, not migrated.
 */
export function migrateCentralSqlite(db: Database): number[] {
  const unrecorded = schemaVersion(db) === 0 && db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'devices'").get() !== undefined
  if (unrecorded) db.pragma(`user_version = ${initialSchema.version}`)
  return migrate(db, migrations)
}
