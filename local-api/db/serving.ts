import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { restoreHint } from './backup.js'
import { quickCheckInBackground, type IntegrityReport } from './integrity.js'
import { migrate, schemaVersion } from '../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from './migrations/index.js'
import { applyPragmas, DATABASE_FILE, describeFsError, openConnection } from './open.js'
import { createStore, type Store, type StoreOptions } from './store.js'

/**
 * How long start-up waits for quick_check before serving: long enough to finish on a small store
 * (a damaged one is then read-only from the first request), short enough that a big store still
 * listens within a second; a check still running goes on in the background and counts when it ends.
 */
export const INTEGRITY_CHECK_BUDGET_MS = 250

export interface ServingStore {
  store: Store
  file: string
  /** What quick_check found; undefined when it outlasted the budget and still runs (see `laterIntegrity`). */
  integrity: IntegrityReport | undefined
  /** The check's result when it outlasted the budget. */
  laterIntegrity: Promise<IntegrityReport> | undefined
  /** Ends a check still running (server shutdown). */
  stopCheck(): void
  /** The command that restores the newest backup (for messages about a damaged store). */
  restoreHint(): string
}

/**
 * Opens the data dir's store for a server: `PRAGMA quick_check` first (in a worker thread, waited
 * for up to `budgetMs`; in full when migrations are pending), then the migrations. A store that
 * fails the check is still opened (the server serves it read-only, so staff can read old
 * conversations) unless it cannot be used at all: not a database, or its schema needs an upgrade
 * (never migrate a damaged file). Errors name the file and the cause.
 */
export async function openStoreForServing(
  dataDir: string,
  { budgetMs = INTEGRITY_CHECK_BUDGET_MS, maxProblems = 10, now }: { budgetMs?: number; maxProblems?: number } & StoreOptions = {},
): Promise<ServingStore> {
  try {
    mkdirSync(dataDir, { recursive: true })
  } catch (error) {
    throw new Error(`cannot create the data dir ${dataDir}: ${describeFsError(error)}`)
  }
  const file = join(dataDir, DATABASE_FILE)
  const db = openConnection(file)
  const hint = () => restoreHint(dataDir)
  let check: ReturnType<typeof quickCheckInBackground> | undefined
  try {
    try {
      applyPragmas(db)
    } catch (error) {
      const code = (error as { code?: string }).code ?? ''
      if (/^SQLITE_(NOTADB|CORRUPT)/.test(code))
        throw new Error(`cannot open ${file}: it is damaged or not a Frontdesk Inbox store (${(error as Error).message}). ${hint()}`)
      throw new Error(`cannot open ${file}: ${describeFsError(error, dataDir)}`)
    }
    const upgrading = schemaVersion(db) < migrations.at(-1)!.version
    check = quickCheckInBackground(file, db, maxProblems)
    let timer: NodeJS.Timeout | undefined
    const integrity = upgrading
      ? await check.result
      : await Promise.race([check.result, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), budgetMs)))])
    clearTimeout(timer)
    const serving = (laterIntegrity?: Promise<IntegrityReport>): ServingStore => ({
      store: createStore(db, { now }),
      file,
      integrity,
      laterIntegrity,
      stopCheck: check!.stop,
      restoreHint: hint,
    })
    if (!integrity || integrity.ok) {
      migrate(db, migrations)
      return serving(integrity ? undefined : check.result)
    }
    const damaged = `${file} is damaged (${integrity.problems.slice(0, 3).join('; ')})`
    if (upgrading) throw new Error(`cannot open ${damaged} and needs a schema upgrade, which is never run on a damaged store. ${hint()}`)
    try {
      return serving()
    } catch (error) {
      throw new Error(`cannot open ${damaged}: ${(error as Error).message}. ${hint()}`)
    }
  } catch (error) {
    check?.stop()
    db.close()
    throw error
  }
}
