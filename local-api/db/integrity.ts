import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Db } from './open.js'

export interface IntegrityReport {
  ok: boolean
  /** What `PRAGMA quick_check` found (at most `maxErrors` lines), or the error it stopped with. */
  problems: string[]
  ms: number
}

/**
 * `PRAGMA quick_check(N)`: checks every page, index and record format of the store (not that each
 * index matches its table, which the full integrity_check also does: quick_check is the O(N) one).
 * It reads the whole file once; the server runs it at start-up. N bounds the problems listed.
 */
export function quickCheck(db: Db, maxErrors = 10): IntegrityReport {
  const started = performance.now()
  let problems: string[]
  try {
    const rows = db.pragma(`quick_check(${Math.max(1, Math.floor(maxErrors))})`, { simple: false }) as { quick_check: string }[]
    problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok')
  } catch (error) {
    // A header or schema too damaged to check stops the check itself (SQLITE_CORRUPT, SQLITE_NOTADB).
    problems = [(error as Error).message]
  }
  return { ok: problems.length === 0, problems, ms: performance.now() - started }
}

/** A quick_check under way in a worker thread (with its own read-only connection). */
export interface BackgroundCheck {
  result: Promise<IntegrityReport>
  /** Ends the check early (server shutdown); `result` then never settles. */
  stop(): void
}

// The worker's code: evaluated, so it needs no file of its own next to a bundled build.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const started = performance.now()
let problems
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true })
  try {
    problems = db.pragma('quick_check(' + workerData.maxErrors + ')').map((row) => row.quick_check).filter((line) => line !== 'ok')
  } finally {
    db.close()
  }
} catch (error) {
  problems = [String(error && error.message || error)]
}
parentPort.postMessage({ ok: problems.length === 0, problems, ms: performance.now() - started })
`

export function driverPath(): string | undefined {
  for (const base of [import.meta.url as string | undefined, process.argv[1], join(process.cwd(), 'index.js')]) {
    if (!base) continue
    try {
      return createRequire(base).resolve('better-sqlite3')
    } catch {
      // try the next base
    }
  }
  return undefined
}

/**
 * quick_check of `file` off the main thread, so a server can start serving a huge store before the
 * check is done. Falls back to checking on `db` (this thread) where a worker cannot load the driver.
 */
export function quickCheckInBackground(file: string, db: Db, maxErrors = 10): BackgroundCheck {
  const driver = driverPath()
  if (!driver) return { result: Promise.resolve(quickCheck(db, maxErrors)), stop() {} }
  let worker: Worker
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, maxErrors: Math.max(1, Math.floor(maxErrors)) } })
  } catch {
    return { result: Promise.resolve(quickCheck(db, maxErrors)), stop() {} }
  }
  worker.unref()
  const result = new Promise<IntegrityReport>((resolve) => {
    worker.once('message', (report: IntegrityReport) => resolve(report))
    // The worker itself failed (not the store): check here instead.
    worker.once('error', () => resolve(quickCheck(db, maxErrors)))
  })
  return { result, stop: () => void worker.terminate() }
}
