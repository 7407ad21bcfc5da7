import type { LeadStatus } from '../../api-contract/leads.js'
import type { Db } from './open.js'

export { LEAD_STATUSES, type LeadStatus } from '../../api-contract/leads.js'

export interface Lead {
  id: string
  conversationId: string
  guestId: string | null
  status: LeadStatus
  notes: string
  createdByAgentId: string | null
  /** The reservation that converted it. */
  reservationId: string | null
  createdAt: number
  updatedAt: number
}

interface LeadRow {
  id: string
  conversation_id: string
  guest_id: string | null
  status: LeadStatus
  notes: string
  reservation_id: string | null
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
  reservationId: row.reservation_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

export function leadsRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO leads (id, conversation_id, guest_id, status, notes, created_by_agent_id, reservation_id, created_at, updated_at)
    VALUES (@id, @conversationId, @guestId, @status, @notes, @createdByAgentId, @reservationId, @createdAt, @updatedAt)`)
  const update = db.prepare(
    `UPDATE leads SET conversation_id = @conversationId, guest_id = @guestId, status = @status, notes = @notes, reservation_id = @reservationId,
      updated_at = @updatedAt WHERE id = @id`,
  )
  const remove = db.prepare('DELETE FROM leads WHERE id = ?')
  const byConversation = db.prepare('SELECT * FROM leads WHERE conversation_id = ?')
  const byId = db.prepare('SELECT * FROM leads WHERE id = ?')
  const openOfGuest = db.prepare(`
    SELECT l.* FROM leads l JOIN conversations c ON c.id = l.conversation_id
    WHERE (l.guest_id = @guestId OR c.guest_id = @guestId) AND c.property_id = @propertyId AND l.status NOT IN ('converted', 'lost')`)
  const list = db.prepare(`
    SELECT l.* FROM leads l JOIN conversations c ON c.id = l.conversation_id
    WHERE (@status IS NULL OR l.status = @status) AND (@propertyId IS NULL OR c.property_id = @propertyId)
    ORDER BY l.updated_at DESC, l.rowid DESC LIMIT @limit`)

  return {
    insert(lead: Lead): void {
      insert.run(lead)
    },
    update(lead: Lead): void {
      update.run(lead)
    },
    /** Writes a lead as another desk has it (sync): made if missing, else its fields taken over. */
    fromSync(lead: Lead): void {
      if (byId.get(lead.id)) update.run(lead)
      else insert.run(lead)
    },
    remove(id: string): void {
      remove.run(id)
    },
    get(id: string): Lead | undefined {
      const row = byId.get(id) as LeadRow | undefined
      return row && toLead(row)
    },
    /** The guest's leads at one property still in the pipeline (not converted, not lost). */
    openOfGuest(guestId: string, propertyId: string): Lead[] {
      return (openOfGuest.all({ guestId, propertyId }) as LeadRow[]).map(toLead)
    },
    list(filter: { status?: LeadStatus; propertyId?: string; limit?: number }): Lead[] {
      return (list.all({ status: filter.status ?? null, propertyId: filter.propertyId ?? null, limit: filter.limit ?? 200 }) as LeadRow[]).map(toLead)
    },
    byConversation(conversationId: string): Lead | undefined {
      const row = byConversation.get(conversationId) as LeadRow | undefined
      return row && toLead(row)
    },
  }
}
