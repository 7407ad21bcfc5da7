import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { migrations } from './migrations/index.js'
import { migrate } from './migrate.js'

export type Db = Database.Database

export const DATABASE_FILE = 'frontdesk.sqlite'

/**
 * Opens (creating if needed) the store in `dataDir` and brings its schema up to date.
 * WAL with synchronous=FULL: a commit is on disk before its request is answered.
 */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true })
  return openDatabaseFile(join(dataDir, DATABASE_FILE))
}

export function openDatabaseFile(file: string): Db {
  const db = new Database(file)
  try {
    applyPragmas(db)
    migrate(db, migrations)
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // Savepoints (one per batch in a group commit) journal the pages they touch: in memory, not a temp file.
  db.pragma('temp_store = MEMORY')
}
