import Database from 'better-sqlite3'
import { accessSync, constants, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { migrations } from './migrations/index.js'
import { migrate } from '../../sync-core/migrations/sqlite-migrate.js'

export type Db = Database.Database

export const DATABASE_FILE = 'frontdesk.sqlite'

/**
 * Opens (creating if needed) the store in `dataDir` and brings its schema up to date.
 * WAL with synchronous=FULL: a commit is on disk before its request is answered.
 */
export function openDatabase(dataDir: string): Db {
  try {
    mkdirSync(dataDir, { recursive: true })
  } catch (error) {
    throw new Error(`cannot create the data dir ${dataDir}: ${describeFsError(error)}`)
  }
  return openDatabaseFile(join(dataDir, DATABASE_FILE))
}

export function openDatabaseFile(file: string): Db {
  const db = openConnection(file)
  try {
    applyPragmas(db)
    migrate(db, migrations)
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

/**
 * SQLite's page cache per connection, in KiB (its default is 2 MB). At 100 k conversations a name
 * search reads a few hundred conversations' rows and index pages; with 2 MB they were read again from
 * the OS for every request, the other requests between having pushed them out (q=mart 12 ms p50;
 * 4 ms with 16 MB). Part of the memory budget (RSS ≤ 300 MB): at most this much per connection.
 */
export const PAGE_CACHE_KIB = 16_384

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // Savepoints (one per batch in a group commit) journal the pages they touch: in memory, not a temp file.
  db.pragma('temp_store = MEMORY')
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`)
}

/** A connection to `file`; a failure names the file and the cause ("cannot open /x/frontdesk.sqlite: permission denied"). */
export function openConnection(file: string, options?: Database.Options): Db {
  try {
    return new Database(file, options)
  } catch (error) {
    throw new Error(`cannot open ${file}: ${describeFsError(error, dirname(file))}`)
  }
}

const FS_CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EISDIR: 'it is a directory',
}

/**
 * A file system or SQLite error in words. SQLite says only "unable to open database file": then
 * the directory is probed for the likely cause.
 */
export function describeFsError(error: unknown, dir?: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code && FS_CAUSES[code]) return FS_CAUSES[code]
  if (code === 'SQLITE_CANTOPEN' && dir) {
    try {
      accessSync(dir, constants.W_OK | constants.X_OK)
    } catch (probe) {
      const cause = (probe as NodeJS.ErrnoException).code
      return cause && FS_CAUSES[cause] ? FS_CAUSES[cause] : (probe as Error).message
    }
  }
  return (error as Error)?.message ?? String(error)
}
