import Database from 'better-sqlite3'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describeFsError } from './open.js'

/** The lock file: an empty SQLite database whose exclusive lock the serving process holds. */
export const LOCK_FILE = 'frontdesk.lock'
/** Who holds the lock (pid, since when), for the message a second process shows; never the lock itself. */
export const LOCK_INFO_FILE = 'frontdesk.lock.json'

export interface LockHolder {
  pid: number
  startedAt: string
  hostname: string
  purpose: string
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | undefined,
  ) {
    const who = holder
      ? `process ${holder.pid} (${holder.purpose}${holder.hostname !== hostname() ? ` on ${holder.hostname}` : ''}, started ${holder.startedAt})`
      : 'another process'
    super(`the data dir ${dataDir} is in use by ${who}; stop it first, or choose another --data-dir`)
  }
}

export interface DataDirLock {
  readonly dataDir: string
  release(): void
}

/**
 * Takes the data dir for this process: one server (or restore) per data dir. The lock is an
 * exclusive SQLite lock on `frontdesk.lock` (a transaction held open): an OS file lock (fcntl on
 * POSIX, LockFileEx on Windows) that the OS drops when the process dies, even by SIGKILL, so it
 * never goes stale. It is exclusive within this process too (SQLite tracks its locks per file).
 * CLI commands that only open the store (token create, backup) do not take it.
 */
export function lockDataDir(dataDir: string, purpose = 'frontdesk serve'): DataDirLock {
  try {
    mkdirSync(dataDir, { recursive: true })
  } catch (error) {
    throw new Error(`cannot create the data dir ${dataDir}: ${describeFsError(error)}`)
  }
  const file = join(dataDir, LOCK_FILE)
  let db: Database.Database
  try {
    db = new Database(file, { timeout: 0 })
  } catch (error) {
    throw new Error(`cannot open ${file}: ${describeFsError(error, dataDir)}`)
  }
  try {
    db.exec('BEGIN EXCLUSIVE')
  } catch (error) {
    db.close()
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new DataDirInUseError(dataDir, readHolder(dataDir))
    throw new Error(`cannot lock ${file}: ${(error as Error).message}`)
  }
  const infoFile = join(dataDir, LOCK_INFO_FILE)
  const holder: LockHolder = { pid: process.pid, startedAt: new Date().toISOString(), hostname: hostname(), purpose }
  writeFileSync(infoFile, `${JSON.stringify(holder)}\n`)
  let released = false
  return {
    dataDir,
    release() {
      if (released) return
      released = true
      rmSync(infoFile, { force: true })
      db.close() // ends the transaction: the lock is free
    },
  }
}

/** Who holds the data dir, as they wrote it (undefined when unreadable: the message says so less precisely). */
export function readHolder(dataDir: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(join(dataDir, LOCK_INFO_FILE), 'utf8')) as LockHolder
    return Number.isInteger(holder.pid) ? holder : undefined
  } catch {
    return undefined
  }
}
