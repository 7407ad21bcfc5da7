import type { Database } from 'better-sqlite3'
import type { MigrationStep } from './migration-plan.js'

/** One forward-only SQLite schema step. `version` is the `PRAGMA user_version` it leaves behind. */
export interface Migration extends MigrationStep {
  up(db: Database): void
}
