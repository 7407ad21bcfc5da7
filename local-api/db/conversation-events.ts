import type { Db } from './open.js'

/** Something that happened to a conversation besides a message: a takeover, an assignment, a lead change. */
export interface ConversationEvent {
  id: string
  conversationId: string
  type: ConversationEventType
  agentId: string | null
  /** The agent's name, joined for display. */
  agentName: string | null
  data: Record<string, unknown>
  createdAt: number
}

export type ConversationEventType =
  | 'mode_changed'
  | 'handover'
  | 'assigned'
  | 'lead_captured'
  | 'lead_status'
  | 'guest_merged'
  | 'guest_merge_undone'
  /** Staff resolved it. */
  | 'resolved'
  /** Staff snoozed it: data.until (ISO date-time, or null: until the guest writes). */
  | 'snoozed'
  /** It is open again: data.reason 'guest wrote' | 'snooze ended' | 'staff'. */
  | 'reopened'

interface ConversationEventRow {
  id: string
  conversation_id: string
  type: ConversationEventType
  agent_id: string | null
  agent_name: string | null
  data: string
  created_at: number
}

export function conversationEventsRepository(db: Db) {
  // An event never changes: one here already (another desk's, synced again) stays as it is.
  const insert = db.prepare(`
    INSERT INTO conversation_events (id, conversation_id, type, agent_id, data, created_at)
    VALUES (@id, @conversationId, @type, @agentId, @data, @createdAt)
    ON CONFLICT (id) DO NOTHING`)
  const ofConversation = db.prepare(`
    SELECT e.*, a.name AS agent_name FROM conversation_events e LEFT JOIN agents a ON a.id = e.agent_id
    WHERE e.conversation_id = ? ORDER BY e.created_at, e.rowid`)

  return {
    insert(event: Omit<ConversationEvent, 'agentName'>): void {
      insert.run({ ...event, data: JSON.stringify(event.data) })
    },
    /** Writes an event as another desk has it (sync), unless it is here already. */
    fromSync(event: Omit<ConversationEvent, 'agentName'>): void {
      insert.run({ ...event, data: JSON.stringify(event.data) })
    },
    ofConversation(conversationId: string): ConversationEvent[] {
      return (ofConversation.all(conversationId) as ConversationEventRow[]).map((row) => ({
        id: row.id,
        conversationId: row.conversation_id,
        type: row.type,
        agentId: row.agent_id,
        agentName: row.agent_name,
        data: JSON.parse(row.data) as Record<string, unknown>,
        createdAt: row.created_at,
      }))
    },
  }
}
