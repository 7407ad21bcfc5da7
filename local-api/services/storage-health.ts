import type { Store } from '../db/store.js'
import type { StorageFailure } from '../db/storage-failure.js'

export type HealthReasonCode = 'store-damaged' | 'disk-full' | 'read-only' | 'storage-unavailable' | 'outbox-stuck' | 'outbox-failing' | 'backup-failed'

export interface HealthReason {
  code: HealthReasonCode
  detail: string
  /** Since when (ISO 8601). */
  since: string
}

export interface StorageHealthOptions {
  /** The store's file, named in every message about it. */
  file: string
  /** What the start-up check found wrong with the store; the server then serves it read-only. */
  damage?: { problems: string[]; restoreHint: string }
  clock?: () => number
  /** A queued reply older than this is stuck (default 15 min). */
  outboxStuckAfterMs?: number
  /** …as is one tried this often without success (default 5). */
  outboxStuckAfterAttempts?: number
}

const FAILURE_REASON: Record<Exclude<StorageFailure, 'busy' | 'damaged'>, HealthReasonCode> = {
  'disk-full': 'disk-full',
  'read-only': 'read-only',
  unavailable: 'storage-unavailable',
}

/**
 * What is wrong with the desk's storage right now, for `/v1/health`: a damaged store (found at
 * start-up), the last write failing (disk full, read-only, I/O error; cleared by the next write that
 * succeeds), a stuck or failing outbox, the last backup failing.
 */
export function createStorageHealth(store: Store, options: StorageHealthOptions) {
  const clock = options.clock ?? Date.now
  const stuckAfterMs = options.outboxStuckAfterMs ?? 15 * 60_000
  const stuckAfterAttempts = options.outboxStuckAfterAttempts ?? 5
  const startedAt = clock()
  let writeFailure: HealthReason | undefined
  let backupFailure: HealthReason | undefined
  let lastBackup: { file: string; at: number } | undefined
  const iso = (ms: number) => new Date(ms).toISOString()

  const describeDamage = (found: { problems: string[]; restoreHint: string }, at: number) => ({
    reason: {
      code: 'store-damaged' as const,
      detail: `the store ${options.file} is damaged (${found.problems.slice(0, 3).join('; ')}); it is served read-only. ${found.restoreHint}`,
      since: iso(at),
    },
    /** Why a write is refused, for the 503 a write gets. */
    refusal: `the store ${options.file} is damaged, so Frontdesk Inbox serves it read-only and stores nothing new. ${found.restoreHint}`,
  })
  let damage = options.damage && describeDamage(options.damage, startedAt)
  const damageListeners: (() => void)[] = []

  function outboxReasons(): HealthReason[] {
    const now = clock()
    let outbox
    try {
      outbox = store.outbox.health(now - 24 * 3_600_000)
    } catch {
      return [] // a damaged or unreadable store is already said
    }
    const reasons: HealthReason[] = []
    const oldest = outbox.oldestQueued
    if (oldest && (now - oldest.createdAt > stuckAfterMs || oldest.attempts >= stuckAfterAttempts)) {
      reasons.push({
        code: 'outbox-stuck',
        detail: `a reply has been waiting for delivery since ${iso(oldest.createdAt)} (${oldest.attempts} attempt(s)${oldest.lastError ? `; last error: ${oldest.lastError}` : ''})`,
        since: iso(oldest.createdAt),
      })
    }
    if (outbox.failedSince.count > 0) {
      reasons.push({
        code: 'outbox-failing',
        detail: `${outbox.failedSince.count} repl${outbox.failedSince.count === 1 ? 'y' : 'ies'} could not be delivered in the last 24 hours${outbox.failedSince.lastError ? ` (last error: ${outbox.failedSince.lastError})` : ''}; staff can retry them`,
        since: iso(now - 24 * 3_600_000),
      })
    }
    return reasons
  }

  return {
    file: options.file,
    /** Set when the store is damaged: why writes are refused. */
    get damaged(): string | undefined {
      return damage?.refusal
    },
    /** The start-up check, finished after the server started serving, found damage. */
    markDamaged(found: { problems: string[]; restoreHint: string }): void {
      if (damage) return
      damage = describeDamage(found, clock())
      for (const listener of damageListeners) listener()
    },
    onDamaged(listener: () => void): void {
      damageListeners.push(listener)
    },
    /** A write failed for want of storage (not a busy store: that passes by itself). */
    writeFailed(kind: StorageFailure, detail: string): void {
      if (kind === 'busy' || kind === 'damaged') return
      const code = FAILURE_REASON[kind]
      if (writeFailure?.code !== code) writeFailure = { code, detail, since: iso(clock()) }
    },
    writeSucceeded(): void {
      writeFailure = undefined
    },
    backupFailed(detail: string): void {
      backupFailure = { code: 'backup-failed', detail: `the last backup failed: ${detail}`, since: backupFailure?.since ?? iso(clock()) }
    },
    backupSucceeded(file: string): void {
      backupFailure = undefined
      lastBackup = { file, at: clock() }
    },
    lastBackup(): { file: string; at: string } | undefined {
      return lastBackup && { file: lastBackup.file, at: iso(lastBackup.at) }
    },
    reasons(): HealthReason[] {
      const reasons: HealthReason[] = []
      if (damage) reasons.push(damage.reason)
      if (store.readOnly)
        reasons.push({ code: 'read-only', detail: `the store ${options.file} was opened read-only: nothing new can be stored`, since: iso(startedAt) })
      if (writeFailure && !reasons.some((reason) => reason.code === writeFailure!.code)) reasons.push(writeFailure)
      reasons.push(...outboxReasons())
      if (backupFailure) reasons.push(backupFailure)
      return reasons
    },
  }
}

export type StorageHealth = ReturnType<typeof createStorageHealth>
