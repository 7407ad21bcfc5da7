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
})

/** The durable outbox of outbound replies: written with the reply, retried until delivered. */
export function outboxRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO outbox (message_id, channel_account_id, state, attempts, next_attempt_at, created_at, updated_at)
    VALUES (@messageId, @channelAccountId, 'queued', 0, @nextAttemptAt, @createdAt, @createdAt)`)
  const record = db.prepare(`
    UPDATE outbox SET state = @state, attempts = @attempts, next_attempt_at = @nextAttemptAt, last_error = @lastError, updated_at = @updatedAt
    WHERE message_id = @messageId`)
  const byMessage = db.prepare('SELECT * FROM outbox WHERE message_id = ?')
  const due = db.prepare("SELECT * FROM outbox WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?")
  const nextDue = db.prepare("SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'queued'")

  return {
    insert(entry: { messageId: string; channelAccountId: string; nextAttemptAt: number; createdAt: number }): void {
      insert.run(entry)
    },
    record(entry: Pick<OutboxEntry, 'messageId' | 'state' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'updatedAt'>): void {
      record.run(entry)
    },
    get(messageId: string): OutboxEntry | undefined {
      const row = byMessage.get(messageId) as OutboxRow | undefined
      return row && toEntry(row)
    },
    due(now: number, limit = 20): OutboxEntry[] {
      return (due.all(now, limit) as OutboxRow[]).map(toEntry)
    },
    /** When the next queued delivery is due, if any is queued. */
    nextDueAt(): number | undefined {
      return (nextDue.get() as { at: number | null }).at ?? undefined
    },
  }
}
