import type { Database } from 'better-sqlite3'
import { pendingMigrations } from './migration-plan.js'
import type { Migration } from './sqlite-migration.js'

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Runs every pending migration in one transaction; returns the versions applied. */
export function migrate(db: Database, list: readonly Migration[]): number[] {
  const pending = pendingMigrations(list, schemaVersion(db))
  if (pending.length === 0) return []
  // A step may rebuild a table others refer to (SQLite's documented 12-step table change): foreign
  // keys are off while the steps run, and every reference is checked before they commit.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number
  db.pragma('foreign_keys = OFF')
  try {
    db.transaction(() => {
      for (const migration of pending) {
        migration.up(db)
        db.pragma(`user_version = ${migration.version}`)
      }
      const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[]
      if (broken.length) throw new Error(`the migrations left ${broken.length} broken reference(s), e.g. ${broken[0]!.table} → ${broken[0]!.parent}`)
    }).immediate()
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`)
  }
  return pending.map((migration) => migration.version)
}
