import type { Db } from './open.js'

/** A reply the AI agent proposes to staff instead of sending it to the guest (medium confidence). */
export interface AgentSuggestion {
  id: string
  conversationId: string
  /** The guest message it answers. */
  messageId: string
  /** The knowledge entry it comes from. */
  entryId: string
  text: string
  language: string | null
  status: SuggestionStatus
  createdAt: number
  resolvedAt: number | null
  resolvedByAgentId: string | null
}

/** open → sent (as proposed), edited (sent after changes), dismissed (by staff) or withdrawn (a newer one replaced it). */
export type SuggestionStatus = 'open' | 'sent' | 'edited' | 'dismissed' | 'withdrawn'

interface SuggestionRow {
  id: string
  conversation_id: string
  message_id: string
  entry_id: string
  text: string
  language: string | null
  status: SuggestionStatus
  created_at: number
  resolved_at: number | null
  resolved_by_agent_id: string | null
}

const toSuggestion = (row: SuggestionRow): AgentSuggestion => ({
  id: row.id,
  conversationId: row.conversation_id,
  messageId: row.message_id,
  entryId: row.entry_id,
  text: row.text,
  language: row.language,
  status: row.status,
  createdAt: row.created_at,
  resolvedAt: row.resolved_at,
  resolvedByAgentId: row.resolved_by_agent_id,
})

export function agentSuggestionsRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO agent_suggestions (id, conversation_id, message_id, entry_id, text, language, status, created_at)
    VALUES (@id, @conversationId, @messageId, @entryId, @text, @language, 'open', @createdAt)`)
  const withdrawOpen = db.prepare("UPDATE agent_suggestions SET status = 'withdrawn', resolved_at = ? WHERE conversation_id = ? AND status = 'open'")
  const openOf = db.prepare("SELECT * FROM agent_suggestions WHERE conversation_id = ? AND status = 'open'")
  const resolve = db.prepare("UPDATE agent_suggestions SET status = ?, resolved_at = ?, resolved_by_agent_id = ? WHERE id = ? AND status = 'open'")

  return {
    /** Opens a suggestion for its conversation, withdrawing the one open before (one open at a time). */
    open(suggestion: Omit<AgentSuggestion, 'status' | 'resolvedAt' | 'resolvedByAgentId'>): void {
      withdrawOpen.run(suggestion.createdAt, suggestion.conversationId)
      insert.run(suggestion)
    },
    openOf(conversationId: string): AgentSuggestion | undefined {
      const row = openOf.get(conversationId) as SuggestionRow | undefined
      return row && toSuggestion(row)
    },
    /** Closes an open suggestion; false when it was no longer open (someone else acted first). */
    resolve(id: string, status: Exclude<SuggestionStatus, 'open'>, at: number, agentId: string | null): boolean {
      return resolve.run(status, at, agentId, id).changes === 1
    },
  }
}
