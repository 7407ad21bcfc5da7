import type { Db } from './open.js'

export interface Lead {
  id: string
  conversationId: string
  guestId: string | null
  status: string
  notes: string
  createdByAgentId: string | null
  createdAt: number
  updatedAt: number
}

interface LeadRow {
  id: string
  conversation_id: string
  guest_id: string | null
  status: string
  notes: string
  created_by_agent_id: string | null
  created_at: number
  updated_at: number
}

const toLead = (row: LeadRow): Lead => ({
  id: row.id,
  conversationId: row.conversation_id,
  guestId: row.guest_id,
  status: row.status,
  notes: row.notes,
  createdByAgentId: row.created_by_agent_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

export function leadsRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO leads (id, conversation_id, guest_id, status, notes, created_by_agent_id, created_at, updated_at)
    VALUES (@id, @conversationId, @guestId, @status, @notes, @createdByAgentId, @createdAt, @updatedAt)`)
  const byConversation = db.prepare('SELECT * FROM leads WHERE conversation_id = ?')

  return {
    insert(lead: Lead): void {
      insert.run(lead)
    },
    byConversation(conversationId: string): Lead | undefined {
      const row = byConversation.get(conversationId) as LeadRow | undefined
      return row && toLead(row)
    },
  }
}
