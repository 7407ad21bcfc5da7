import type { Db } from './open.js'

/**
 * Reminders of guests waiting in queued or handed-over conversations (migration 0260): which are
 * due, found through the needs-reply index, and when each was last reminded of.
 */
export function waitingRemindersRepository(db: Db) {
  // Open, a guest waiting since (since, waitedBefore], queued or with staff (human mode), on the
  // property, and not reminded of since the later of its wait's start and remindedAfter.
  const due = db
    .prepare(
      `
    SELECT c.id FROM conversations c INDEXED BY conversations_needs_reply
    WHERE c.state = 'open' AND c.waiting_since IS NOT NULL AND c.waiting_since > @since AND c.waiting_since <= @waitedBefore
      AND c.property_id = @propertyId AND (c.mode = 'human' OR c.queue_state = 'queued')
      AND NOT EXISTS (SELECT 1 FROM waiting_reminders r WHERE r.conversation_id = c.id AND r.reminded_at > max(@remindedAfter, c.waiting_since))
    ORDER BY c.waiting_since, c.id LIMIT @limit`,
    )
    .pluck()
  const reminded = db.prepare(
    'INSERT INTO waiting_reminders (conversation_id, reminded_at) VALUES (?, ?) ON CONFLICT (conversation_id) DO UPDATE SET reminded_at = excluded.reminded_at',
  )
  const forgetBefore = db.prepare('DELETE FROM waiting_reminders WHERE reminded_at < ?')
  return {
    /** The property's conversations due a reminder, longest waiting first. */
    due(query: { propertyId: string; since: number; waitedBefore: number; remindedAfter: number; limit: number }): string[] {
      return due.all(query) as string[]
    },
    reminded(conversationId: string, at: number): void {
      reminded.run(conversationId, at)
    },
    /** Drops reminders older than `time` (their waits are over or too old to remind of). */
    forgetBefore(time: number): void {
      forgetBefore.run(time)
    },
  }
}
