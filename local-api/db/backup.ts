import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { quickCheck } from './integrity.js'
import { lockDataDir } from './lock.js'
import { migrations } from './migrations/index.js'
import { schemaVersion } from '../../sync-core/migrations/sqlite-migrate.js'
import { DATABASE_FILE, describeFsError, openConnection, type Db } from './open.js'

export const BACKUP_DIR = 'backups'
/** How many of the server's daily backups are kept. */
export const BACKUPS_KEPT = 7
const BACKUP_NAME = /^frontdesk-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})\.sqlite$/

export interface BackupFile {
  file: string
  /** When it was made (from its name: UTC, to the minute). */
  at: number
}

/** `frontdesk-YYYY-MM-DDTHHMM.sqlite`, in UTC. */
export function backupFileName(at: number): string {
  const iso = new Date(at).toISOString()
  return `frontdesk-${iso.slice(0, 13)}${iso.slice(14, 16)}.sqlite`
}

/** The backups in `<dataDir>/backups`, newest first. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = join(dataDir, BACKUP_DIR)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .flatMap((name) => {
      const match = BACKUP_NAME.exec(name)
      if (!match) return []
      const [, year, month, day, hour, minute] = match
      return [{ file: join(dir, name), at: Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute)) }]
    })
    .sort((a, b) => b.at - a.at)
}

/** Keeps the newest `keep` backups; returns the files removed. */
export function rotateBackups(dataDir: string, keep = BACKUPS_KEPT): string[] {
  const removed = listBackups(dataDir)
    .slice(keep)
    .map((backup) => backup.file)
  for (const file of removed) rmSync(file, { force: true })
  return removed
}

/**
 * An online backup of `db` into `file` with SQLite's backup API (better-sqlite3 copies it page run
 * by page run between event-loop turns, so requests go on meanwhile). Written beside the target
 * and renamed at the end: a file with the target's name is always a whole backup.
 * `shouldStop` is asked between runs (server shutdown).
 */
export async function backupTo(db: Db, file: string, shouldStop: () => boolean = () => false): Promise<string> {
  const target = resolve(file)
  const partial = `${target}.partial`
  rmSync(partial, { force: true })
  try {
    await db.backup(partial, {
      progress: () => {
        if (shouldStop()) throw new Error('the backup was stopped')
        return 200
      },
    })
    renameSync(partial, target)
  } catch (error) {
    rmSync(partial, { force: true })
    const code = (error as NodeJS.ErrnoException).code
    throw new Error(`cannot write the backup ${target}: ${code ? describeFsError(error) : (error as Error).message}`)
  }
  return target
}

/** A dated backup into `<dataDir>/backups`, then only the newest `keep` are kept. */
export async function backupIntoDataDir(db: Db, dataDir: string, now = Date.now(), keep = BACKUPS_KEPT, shouldStop?: () => boolean): Promise<string> {
  const dir = join(dataDir, BACKUP_DIR)
  try {
    mkdirSync(dir, { recursive: true })
  } catch (error) {
    throw new Error(`cannot create the backup folder ${dir}: ${describeFsError(error)}`)
  }
  const file = await backupTo(db, join(dir, backupFileName(now)), shouldStop)
  rotateBackups(dataDir, keep)
  return file
}

/**
 * `frontdesk backup`: an online backup of the data dir's store (a server may be running on it
 * meanwhile), to `to` or dated into `<dataDir>/backups`; resolves with the file written.
 */
export async function backupStore(dataDir: string, to?: string): Promise<string> {
  const file = join(dataDir, DATABASE_FILE)
  if (!existsSync(file)) throw new Error(`no store at ${file}: nothing to back up`)
  const db = openConnection(file, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    return to ? await backupTo(db, to) : await backupIntoDataDir(db, dataDir)
  } finally {
    db.close()
  }
}

/** What to tell a desk whose store is damaged: restore the newest backup, with the command for it. */
export function restoreHint(dataDir: string): string {
  const newest = listBackups(dataDir)[0]
  return newest
    ? `Restore from the latest backup: frontdesk restore --data-dir ${dataDir} --from ${newest.file}`
    : `Restore from a backup: frontdesk restore --data-dir ${dataDir} --from <file> (no backup found in ${join(dataDir, BACKUP_DIR)})`
}

export interface Restored {
  /** The backup now in use. */
  from: string
  /** Where the replaced store was kept (undefined when there was none). */
  replacedKeptAt: string | undefined
}

/**
 * Puts a backup in place of the data dir's store. Refuses while a server holds the data dir (and
 * holds it itself meanwhile), refuses a backup that fails quick_check or comes from a newer app,
 * and keeps the replaced store (with its WAL) aside as `frontdesk-replaced-<time>.sqlite`.
 */
export async function restoreFromBackup(dataDir: string, from: string, now = Date.now()): Promise<Restored> {
  const source = resolve(from)
  if (!existsSync(source)) throw new Error(`no backup file at ${source}`)
  const lock = lockDataDir(dataDir, 'frontdesk restore')
  try {
    const backup = openConnection(source, { readonly: true, fileMustExist: true })
    try {
      const check = quickCheck(backup)
      if (!check.ok) throw new Error(`the backup ${source} is damaged too (${check.problems.slice(0, 3).join('; ')}); choose another one`)
      const latest = migrations.at(-1)!.version
      if (schemaVersion(backup) > latest)
        throw new Error(`the backup ${source} was made by a newer Frontdesk Inbox (schema ${schemaVersion(backup)}); update the app first`)

      const store = join(dataDir, DATABASE_FILE)
      const incoming = `${store}.restoring`
      rmSync(incoming, { force: true })
      // Copied through SQLite (not the file system), so a backup with its own WAL arrives whole.
      await backupTo(backup, incoming)

      let replacedKeptAt: string | undefined
      if (existsSync(store)) {
        replacedKeptAt = join(dataDir, `frontdesk-replaced-${new Date(now).toISOString().replace(/[:.]/g, '')}.sqlite`)
        for (const suffix of ['-wal', '-shm', '']) {
          if (existsSync(store + suffix)) renameSync(store + suffix, replacedKeptAt + suffix)
        }
      }
      renameSync(incoming, store)
      return { from: source, replacedKeptAt }
    } finally {
      backup.close()
    }
  } finally {
    lock.release()
  }
}
