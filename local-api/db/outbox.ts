import type { Db } from './open.js'

export type DeliveryState = 'queued' | 'sent' | 'failed'

/** A reply on its way to its channel account's webhook. */
export interface OutboxEntry {
  messageId: string
  channelAccountId: string
  state: DeliveryState
  attempts: number
  nextAttemptAt: number
  lastError: string | null
  createdAt: number
  updatedAt: number
  /** The delivery service sending it now, and until when its claim holds (null when unclaimed). */
  claimedBy: string | null
  leaseUntil: number | null
}

/** What `/v1/health` needs to know about the outbox. */
export interface OutboxHealth {
  /** The oldest reply still queued: when it was written, how often it was tried, its last error. */
  oldestQueued: { createdAt: number; attempts: number; lastError: string | null } | undefined
  /** Replies that gave up (state failed) since the given time, and the latest one's error. */
  failedSince: { count: number; lastError: string | null }
}

interface OutboxRow {
  message_id: string
  channel_account_id: string
  state: DeliveryState
  attempts: number
  next_attempt_at: number
  last_error: string | null
  created_at: number
  updated_at: number
  claimed_by: string | null
  lease_until: number | null
}

const toEntry = (row: OutboxRow): OutboxEntry => ({
  messageId: row.message_id,
  channelAccountId: row.channel_account_id,
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  claimedBy: row.claimed_by,
  leaseUntil: row.lease_until,
})

/** The durable outbox of outbound replies: written with the reply, retried until delivered. */
export function outboxRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO outbox (message_id, channel_account_id, state, attempts, next_attempt_at, created_at, updated_at)
    VALUES (@messageId, @channelAccountId, 'queued', 0, @nextAttemptAt, @createdAt, @createdAt)`)
  // Recording an attempt's outcome ends its claim; with `claimedBy`, only the claim's holder may.
  const record = db.prepare(`
    UPDATE outbox SET state = @state, attempts = @attempts, next_attempt_at = @nextAttemptAt, last_error = @lastError, updated_at = @updatedAt,
      claimed_by = NULL, lease_until = NULL
    WHERE message_id = @messageId AND (@claimedBy IS NULL OR claimed_by = @claimedBy)`)
  const claim = db.prepare(`
    UPDATE outbox SET claimed_by = @owner, lease_until = @leaseUntil
    WHERE message_id = @messageId AND state = 'queued' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)`)
  const byMessage = db.prepare('SELECT * FROM outbox WHERE message_id = ?')
  const due = db.prepare(`
    SELECT * FROM outbox WHERE state = 'queued' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
    ORDER BY next_attempt_at LIMIT @limit`)
  // A claimed reply is due again only when its lease runs out (its holder died mid-send).
  const nextDue = db.prepare("SELECT min(max(next_attempt_at, coalesce(lease_until, 0))) AS at FROM outbox WHERE state = 'queued'")
  const oldestQueued = db.prepare("SELECT created_at, attempts, last_error FROM outbox WHERE state = 'queued' ORDER BY created_at LIMIT 1")
  const failedSince = db.prepare(`
    SELECT count(*) AS count, (SELECT last_error FROM outbox WHERE state = 'failed' AND updated_at >= @since ORDER BY updated_at DESC LIMIT 1) AS lastError
    FROM outbox WHERE state = 'failed' AND updated_at >= @since`)

  return {
    insert(entry: { messageId: string; channelAccountId: string; nextAttemptAt: number; createdAt: number }): void {
      insert.run(entry)
    },
    /**
     * Records an attempt's outcome and ends the claim. Given `claimedBy`, only while that claim
     * holds: false when another process took the reply over (the outcome is then not recorded).
     */
    record(entry: Pick<OutboxEntry, 'messageId' | 'state' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'updatedAt'> & { claimedBy?: string }): boolean {
      return record.run({ ...entry, claimedBy: entry.claimedBy ?? null }).changes === 1
    },
    /**
     * Claims a due, unclaimed (or lease-expired) reply for `owner` until `leaseUntil`; false when
     * it is not due or someone else holds it. Call in a transaction, before sending.
     */
    claim(messageId: string, owner: string, now: number, leaseUntil: number): boolean {
      return claim.run({ messageId, owner, now, leaseUntil }).changes === 1
    },
    get(messageId: string): OutboxEntry | undefined {
      const row = byMessage.get(messageId) as OutboxRow | undefined
      return row && toEntry(row)
    },
    due(now: number, limit = 20): OutboxEntry[] {
      return (due.all({ now, limit }) as OutboxRow[]).map(toEntry)
    },
    /** When the next queued delivery is due, if any is queued. */
    nextDueAt(): number | undefined {
      return (nextDue.get() as { at: number | null }).at ?? undefined
    },
    health(failedSinceAt: number): OutboxHealth {
      const oldest = oldestQueued.get() as { created_at: number; attempts: number; last_error: string | null } | undefined
      const failed = failedSince.get({ since: failedSinceAt }) as { count: number; lastError: string | null }
      return {
        oldestQueued: oldest && { createdAt: oldest.created_at, attempts: oldest.attempts, lastError: oldest.last_error },
        failedSince: failed,
      }
    },
  }
}
