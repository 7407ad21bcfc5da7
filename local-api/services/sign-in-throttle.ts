import type { SignInFailures } from '../db/sign-in-failures.js'
import type { Store } from '../db/store.js'
import { normalizeEmail } from '../domain/identity.js'
import { delayAfterFailures, failuresInWindow, SIGN_IN_POLICY } from '../domain/sign-in-policy.js'

/** A try that may go ahead; pass it back with its outcome. */
export interface SignInAttempt {
  readonly address: string
  readonly email: string
}

export type SignInGate =
  | { allowed: true; attempt: SignInAttempt }
  /** 429: within a delay after earlier failures (of this account or from this address). */
  | { allowed: false; reason: 'delay'; retryAfterMs: number }
  /** 423: the account is locked until `lockedUntil`, even for its right password. */
  | { allowed: false; reason: 'locked'; retryAfterMs: number; lockedUntil: number }

/** What admins see of an account's failed sign-ins. */
export interface SignInLockState {
  failedSignIns: number
  lockedUntil: number | null
}

interface AddressState {
  failures: number
  windowStart: number
  lastFailureAt: number
}

/** Client addresses kept in memory at most; the oldest are forgotten first. */
const MAX_ADDRESSES = 10_000

/** The key of an account: its normalised email, or the trimmed lower-cased text when it is not one. */
export function accountKey(email: string): string {
  const normalized = normalizeEmail(email)
  return normalized.ok ? normalized.value : email.trim().toLowerCase()
}

/**
 * Sign-in throttling, keyed by the client's address and by the account's email — never by a
 * credential the client presents, so junk tokens or cookies buy no fresh budget. Every try is
 * counted as a failure before the password is checked (and taken back when it was right), so a
 * burst of parallel tries is throttled like a sequence. Per-account counts live in SQLite (a
 * restart does not lift a lockout); per-address counts in a bounded map.
 */
export function createSignInThrottle(store: Store, clock: () => number = Date.now, policy = SIGN_IN_POLICY) {
  const addresses = new Map<string, AddressState>()

  function addressState(address: string, now: number): AddressState {
    const current = addresses.get(address)
    const failures = failuresInWindow(current, now, policy.windowMs)
    const state = failures === 0 ? { failures: 0, windowStart: now, lastFailureAt: 0 } : current!
    // Re-insert: the map's order is the order of last use, so the oldest entries go first.
    addresses.delete(address)
    addresses.set(address, state)
    while (addresses.size > MAX_ADDRESSES) addresses.delete(addresses.keys().next().value!)
    return state
  }

  function accountState(email: string, now: number): SignInFailures {
    const stored = store.signInFailures.get(email)
    if (stored?.lockedUntil != null && stored.lockedUntil > now) return stored
    const failures = failuresInWindow(stored, now, policy.windowMs)
    if (!stored || failures === 0 || stored.lockedUntil != null) {
      // A new window: no failures yet, or the last ones (and any lockout) are over.
      return { email, failures: 0, windowStart: now, lastFailureAt: 0, lockedUntil: null }
    }
    return stored
  }

  return {
    /** Whether a try may go ahead now; if so it is counted as a failure until `succeeded`. */
    begin(address: string, email: string): SignInGate {
      const now = clock()
      const key = accountKey(email)
      store.signInFailures.removeStale(now - policy.windowMs, now)
      const account = accountState(key, now)
      if (account.lockedUntil !== null && account.lockedUntil > now) {
        return { allowed: false, reason: 'locked', retryAfterMs: account.lockedUntil - now, lockedUntil: account.lockedUntil }
      }
      const fromAddress = addressState(address, now)
      const waitUntil = Math.max(
        account.failures ? account.lastFailureAt + delayAfterFailures(account.failures, policy.accountFreeFailures, policy.maxDelayMs) : 0,
        fromAddress.failures ? fromAddress.lastFailureAt + delayAfterFailures(fromAddress.failures, policy.addressFreeFailures, policy.maxDelayMs) : 0,
      )
      if (waitUntil > now) return { allowed: false, reason: 'delay', retryAfterMs: waitUntil - now }
      store.signInFailures.save({ ...account, failures: account.failures + 1, lastFailureAt: now })
      fromAddress.failures += 1
      fromAddress.lastFailureAt = now
      return { allowed: true, attempt: { address, email: key } }
    },

    /** The password was wrong (or the account unknown or deactivated): the failure stays, and may lock. */
    failed(attempt: SignInAttempt): void {
      const now = clock()
      const account = store.signInFailures.get(attempt.email)
      if (account && account.lockedUntil === null && account.failures >= policy.lockAfterFailures) {
        store.signInFailures.save({ ...account, lockedUntil: now + policy.lockMs })
      }
    },

    /** The password was right: the account starts afresh, and this try no longer counts for the address. */
    succeeded(attempt: SignInAttempt): void {
      store.signInFailures.clear(attempt.email)
      const fromAddress = addresses.get(attempt.address)
      if (fromAddress && fromAddress.failures > 0) fromAddress.failures -= 1
    },

    /** Failed sign-ins and lockout of these accounts now (absent: none). */
    stateOf(emails: readonly string[]): Map<string, SignInLockState> {
      const now = clock()
      const states = new Map<string, SignInLockState>()
      for (const [email, stored] of store.signInFailures.ofEmails(emails)) {
        const locked = stored.lockedUntil !== null && stored.lockedUntil > now
        const failedSignIns = locked ? stored.failures : failuresInWindow(stored, now, policy.windowMs)
        if (locked || failedSignIns > 0) states.set(email, { failedSignIns, lockedUntil: locked ? stored.lockedUntil : null })
      }
      return states
    },

    /** An admin lifts an account's lockout and forgets its failures. */
    unlock(email: string): void {
      store.signInFailures.clear(accountKey(email))
    },
  }
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>
