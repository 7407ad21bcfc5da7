/**
 * How failed sign-ins slow down and then stop further tries. Pure numbers and rules; the service
 * (services/sign-in-throttle.ts) keeps the counts.
 *
 * Per account (its email, known or not): the first 3 failures cost nothing (typos), then each
 * failure makes the next try wait 1 s, 2 s, 4 s … (at most a minute); the 10th failure within
 * 15 minutes locks the account for 15 minutes, whatever password comes next.
 * Per client address (shared by every account tried from it): 5 free failures, then the same
 * doubling wait, at most a minute; no lockout, so a shared desk PC cannot be locked out whole.
 */
export const SIGN_IN_POLICY = {
  windowMs: 15 * 60_000,
  lockAfterFailures: 10,
  lockMs: 15 * 60_000,
  accountFreeFailures: 3,
  addressFreeFailures: 5,
  maxDelayMs: 60_000,
} as const

/** How long after the last failure the next try must wait, given the failures so far. */
export function delayAfterFailures(failures: number, freeFailures: number, maxDelayMs: number = SIGN_IN_POLICY.maxDelayMs): number {
  if (failures < freeFailures) return 0
  return Math.min(maxDelayMs, 1000 * 2 ** (failures - freeFailures))
}

/** Failures counted in a window that started at `windowStart`: none once the window has passed. */
export function failuresInWindow(
  state: { failures: number; windowStart: number } | undefined,
  now: number,
  windowMs: number = SIGN_IN_POLICY.windowMs,
): number {
  if (!state || now - state.windowStart >= windowMs || now < state.windowStart) return 0
  return state.failures
}
