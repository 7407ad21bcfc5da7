import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { restoreHint } from './backup.js'
import { quickCheck, type IntegrityReport } from './integrity.js'
import { migrate, schemaVersion } from './migrate.js'
import { migrations } from './migrations/index.js'
import { applyPragmas, DATABASE_FILE, describeFsError, openConnection } from './open.js'
import { createStore, type Store } from './store.js'

export interface ServingStore {
  store: Store
  file: string
  integrity: IntegrityReport
  /** The command that restores the newest backup (for messages about a damaged store). */
  restoreHint: string
}

/**
 * Opens the data dir's store for a server: `PRAGMA quick_check` first, then the migrations. A store
 * that fails the check is still opened (the server serves it read-only, so staff can read old
 * conversations) unless it cannot be used at all: not a database, or its schema needs an upgrade
 * (never migrate a damaged file). Errors name the file and the cause.
 */
export function openStoreForServing(dataDir: string, maxProblems = 10): ServingStore {
  try {
    mkdirSync(dataDir, { recursive: true })
  } catch (error) {
    throw new Error(`cannot create the data dir ${dataDir}: ${describeFsError(error)}`)
  }
  const file = join(dataDir, DATABASE_FILE)
  const db = openConnection(file)
  try {
    const hint = () => restoreHint(dataDir)
    try {
      applyPragmas(db)
    } catch (error) {
      const code = (error as { code?: string }).code ?? ''
      if (/^SQLITE_(NOTADB|CORRUPT)/.test(code)) throw new Error(`cannot open ${file}: it is damaged or not a Frontdesk Inbox store (${(error as Error).message}). ${hint()}`)
      throw new Error(`cannot open ${file}: ${describeFsError(error, dataDir)}`)
    }
    const integrity = quickCheck(db, maxProblems)
    if (integrity.ok) {
      migrate(db, migrations)
      return { store: createStore(db), file, integrity, restoreHint: hint() }
    }
    const damaged = `${file} is damaged (${integrity.problems.slice(0, 3).join('; ')})`
    if (schemaVersion(db) < migrations.at(-1)!.version) throw new Error(`cannot open ${damaged} and needs a schema upgrade, which is never run on a damaged store. ${hint()}`)
    try {
      return { store: createStore(db), file, integrity, restoreHint: hint() }
    } catch (error) {
      throw new Error(`cannot open ${damaged}: ${(error as Error).message}. ${hint()}`)
    }
  } catch (error) {
    db.close()
    throw error
  }
}
