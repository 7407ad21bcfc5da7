import type { Db } from './open.js'

/** An AI agent's answer a conversation may resolve itself after (migration 0260). */
export interface AiAnswer {
  conversationId: string
  propertyId: string
  messageId: string
  answeredAt: number
}

/** The AI agent's latest answer per conversation, read per property, oldest first, through its index. */
export function aiAnswersRepository(db: Db) {
  const record = db.prepare(
    `INSERT INTO ai_answers (conversation_id, property_id, message_id, answered_at) VALUES (@conversationId, @propertyId, @messageId, @answeredAt)
     ON CONFLICT (conversation_id) DO UPDATE SET message_id = excluded.message_id, answered_at = excluded.answered_at`,
  )
  const answeredBy = db.prepare(
    `SELECT conversation_id AS conversationId, property_id AS propertyId, message_id AS messageId, answered_at AS answeredAt
     FROM ai_answers WHERE property_id = ? AND answered_at <= ? ORDER BY answered_at LIMIT ?`,
  )
  const forget = db.prepare('DELETE FROM ai_answers WHERE conversation_id = ? AND message_id = ?')
  const forgetProperty = db.prepare('DELETE FROM ai_answers WHERE property_id = ?')
  return {
    record(answer: AiAnswer): void {
      record.run(answer)
    },
    /** The property's answers given at `time` or before, the oldest first (at most `limit`). */
    answeredBy(propertyId: string, time: number, limit: number): AiAnswer[] {
      return answeredBy.all(propertyId, time, limit) as AiAnswer[]
    },
    /** Forgets this answer (a newer one of the conversation stays). */
    forget(answer: Pick<AiAnswer, 'conversationId' | 'messageId'>): void {
      forget.run(answer.conversationId, answer.messageId)
    },
    /** Forgets every answer of a property that does not resolve conversations by itself. */
    forgetProperty(propertyId: string): void {
      forgetProperty.run(propertyId)
    },
  }
}
