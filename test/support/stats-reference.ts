import type Database from 'better-sqlite3'
import { SESSION_WINDOW_MS } from '../../local-api/domain/session-window.js'

/** A period, optionally of one property. Times in ms; `to` excluded. */
export interface ReferenceRange {
  propertyId: string | null
  from: number
  to: number
}

/**
 * The inbox statistics as SQL over the whole store, as the desk computed them before rollups: the
 * reference the rollups (local-api/db/stats.ts) are tested against. Each query's comment is the
 * definition the UI shows.
 * Conversations are found through their activity index (a conversation active in a period has its
 * last message after the period's start), then checked message by message through their own index.
 */
export function referenceStats(db: Database.Database) {
  const inScope = `c.last_message_at >= @from AND (@propertyId IS NULL OR c.property_id = @propertyId)`
  // A switch to a person: staff taking over, or the AI agent handing over (the timeline event of either).
  const isHumanTransfer = `e.type IN ('mode_changed', 'handover') AND json_extract(e.data, '$.mode') = 'human'`
  const prepare = (sql: string) => db.prepare(sql)

  // Conversations in which a guest started a session (wrote for the first time, or after 24 h of silence) in the period.
  const active = prepare(`
    SELECT count(*) AS n FROM conversations c WHERE ${inScope} AND EXISTS (
      SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in' AND m.created_at >= @from AND m.created_at < @to
        AND NOT EXISTS (SELECT 1 FROM messages p WHERE p.conversation_id = c.id AND p.direction = 'in'
                        AND p.created_at < m.created_at AND p.created_at >= m.created_at - ${SESSION_WINDOW_MS}))`)

  // Conversations with a guest message in the period (the denominator of the response rate).
  const withGuestMessage = prepare(`
    SELECT count(*) AS n FROM conversations c WHERE ${inScope} AND EXISTS (
      SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in' AND m.created_at >= @from AND m.created_at < @to)`)

  // …of which a guest message in the period got a reply (the AI agent's or staff's) within 5 seconds.
  const answeredFast = prepare(`
    SELECT count(*) AS n FROM conversations c WHERE ${inScope}
      AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in' AND m.created_at >= @from AND m.created_at < @to
                  AND EXISTS (SELECT 1 FROM messages r WHERE r.conversation_id = c.id AND r.direction = 'out'
                              AND r.created_at >= m.created_at AND r.created_at <= m.created_at + 5000))`)

  // Conversations the AI agent answered from the knowledge base in the period, with no human transfer in it.
  const faqResolved = prepare(`
    SELECT count(*) AS n FROM conversations c WHERE ${inScope}
      AND EXISTS (SELECT 1 FROM messages r WHERE r.conversation_id = c.id AND r.author = 'bot' AND r.created_at >= @from AND r.created_at < @to
                  AND r.meta LIKE '%"rag"%')
      AND NOT EXISTS (SELECT 1 FROM conversation_events e WHERE e.conversation_id = c.id AND e.created_at >= @from AND e.created_at < @to
                      AND ${isHumanTransfer})`)

  // Switches to a human (by staff, or the AI agent's handover) in the period.
  const humanTransfers = prepare(`
    SELECT count(*) AS n FROM conversation_events e JOIN conversations c ON c.id = e.conversation_id
    WHERE ${isHumanTransfer}
      AND e.created_at >= @from AND e.created_at < @to AND (@propertyId IS NULL OR c.property_id = @propertyId)`)

  // Conversations with a guest message in the period whose guest left an email address or phone number.
  const capturedLeads = prepare(`
    SELECT count(*) AS n FROM conversations c LEFT JOIN guest_identities i ON i.rowid = c.identity_rowid
    WHERE ${inScope}
      AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in' AND m.created_at >= @from AND m.created_at < @to)
      AND (i.kind IN ('phone', 'email')
           OR (c.guest_id IS NOT NULL AND EXISTS (SELECT 1 FROM guest_identities g WHERE g.guest_id = c.guest_id AND g.kind IN ('phone', 'email'))))`)

  // Leads captured in the period, and those of them that became a reservation.
  const leads = prepare(`
    SELECT count(*) AS total, count(l.reservation_id) + sum(l.reservation_id IS NULL AND l.status = 'converted') AS converted
    FROM leads l JOIN conversations c ON c.id = l.conversation_id
    WHERE l.created_at >= @from AND l.created_at < @to AND (@propertyId IS NULL OR c.property_id = @propertyId)`)

  const count = (statement: ReturnType<typeof prepare>, range: ReferenceRange) => (statement.get(range) as { n: number }).n

  return {
    activeConversations: (range: ReferenceRange) => count(active, range),
    conversationsWithGuestMessage: (range: ReferenceRange) => count(withGuestMessage, range),
    answeredWithin5s: (range: ReferenceRange) => count(answeredFast, range),
    faqResolved: (range: ReferenceRange) => count(faqResolved, range),
    humanTransfers: (range: ReferenceRange) => count(humanTransfers, range),
    capturedLeads: (range: ReferenceRange) => count(capturedLeads, range),
    leads(range: ReferenceRange): { total: number; converted: number } {
      const row = leads.get(range) as { total: number; converted: number | null }
      return { total: row.total, converted: row.converted ?? 0 }
    },
  }
}
