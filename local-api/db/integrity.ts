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
