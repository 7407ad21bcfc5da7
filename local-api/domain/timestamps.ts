// What times and days a client may give. The schemas at the edge (routes/v1/schemas.ts) say the
// same in JSON schema; this is the check the domain applies, whatever path a message took.

/** Nothing the desk stores happened before this: earlier times are typos or zeroed clocks. */
export const EARLIEST_DAY = '2000-01-01'
export const EARLIEST_TIMESTAMP_ISO = `${EARLIEST_DAY}T00:00:00Z`
export const EARLIEST_TIMESTAMP = Date.parse(EARLIEST_TIMESTAMP_ISO)

/** Clocks of integrators drift; a time more than this ahead of ours is refused. */
export const MAX_FUTURE_SKEW_MS = 24 * 60 * 60 * 1000

/** Why a client-given time (ms since the epoch) cannot be stored, or null when it can. */
export function timestampProblem(ms: number, now: number): string | null {
  if (!Number.isFinite(ms)) return 'is not a valid timestamp'
  if (ms < EARLIEST_TIMESTAMP) return `is before ${EARLIEST_DAY}`
  if (ms > now + MAX_FUTURE_SKEW_MS) return 'is more than a day in the future'
  return null
}

/** Why a client-given calendar day (YYYY-MM-DD) cannot be stored, or null when it can. */
export function dayProblem(day: string): string | null {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN
  // Date.parse rolls 2026-02-30 over to March: a real day reads back as itself.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return 'is not a valid day (YYYY-MM-DD)'
  if (day < EARLIEST_DAY) return `is before ${EARLIEST_DAY}`
  return null
}
