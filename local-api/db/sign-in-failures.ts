import type { Db } from './open.js'

/** Recent failed sign-ins of one account (its normalised email, known to the desk or not). */
export interface SignInFailures {
  email: string
  failures: number
  windowStart: number
  lastFailureAt: number
  lockedUntil: number | null
}

interface SignInFailuresRow {
  email: string
  failures: number
  window_start: number
  last_failure_at: number
  locked_until: number | null
}

const toFailures = (row: SignInFailuresRow): SignInFailures => ({
  email: row.email,
  failures: row.failures,
  windowStart: row.window_start,
  lastFailureAt: row.last_failure_at,
  lockedUntil: row.locked_until,
})

export function signInFailuresRepository(db: Db) {
  const byEmail = db.prepare('SELECT * FROM sign_in_failures WHERE email = ?')
  const upsert = db.prepare(`
    INSERT INTO sign_in_failures (email, failures, window_start, last_failure_at, locked_until)
    VALUES (@email, @failures, @windowStart, @lastFailureAt, @lockedUntil)
    ON CONFLICT (email) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start,
      last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`)
  const remove = db.prepare('DELETE FROM sign_in_failures WHERE email = ?')
  const removeStale = db.prepare(`
    DELETE FROM sign_in_failures WHERE last_failure_at < @before AND (locked_until IS NULL OR locked_until < @now)`)

  return {
    get(email: string): SignInFailures | undefined {
      const row = byEmail.get(email) as SignInFailuresRow | undefined
      return row && toFailures(row)
    },
    /** Every row of these emails (the agents list shows each agent's), by email. */
    ofEmails(emails: readonly string[]): Map<string, SignInFailures> {
      const found = new Map<string, SignInFailures>()
      for (const email of emails) {
        const row = byEmail.get(email) as SignInFailuresRow | undefined
        if (row) found.set(email, toFailures(row))
      }
      return found
    },
    save(state: SignInFailures): void {
      upsert.run(state)
    },
    clear(email: string): void {
      remove.run(email)
    },
    /** Forgets failures older than `before` whose lockout (if any) has ended: the table stays small. */
    removeStale(before: number, now: number): void {
      removeStale.run({ before, now })
    },
  }
}

export type SignInFailuresRepository = ReturnType<typeof signInFailuresRepository>
