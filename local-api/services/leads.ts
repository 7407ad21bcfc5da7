import type { Conversation } from '../db/conversations.js'
import type { Lead, LeadStatus } from '../db/leads.js'
import type { Store } from '../db/store.js'
import { newId } from '../domain/ids.js'
import type { Actor, ConversationService } from './conversations.js'
import type { DomainEvent, EventBus } from './event-bus.js'

/**
 * Leads: conversations staff (or the sample data) marked as a likely booking. Capturing a lead and
 * moving it along its pipeline each leave a timeline event, written in the lead's own transaction.
 */
export function createLeadService(store: Store, events: EventBus, conversations: Pick<ConversationService, 'recordEvent'>, clock: () => number = Date.now) {
  return {
    /** Moves a lead along its pipeline (new → contacted → follow-up → converted / lost) or edits its notes. */
    update(lead: Lead, changes: { status?: LeadStatus; notes?: string }, actor: Actor = 'system'): Lead {
      const now = clock()
      const next: Lead = { ...lead, ...changes, updatedAt: now }
      const conversation = store.conversations.get(lead.conversationId)!
      const published = store.transaction((): DomainEvent[] => {
        store.leads.update(next)
        store.changeLog.append('lead', lead.id, 'update', { ...changes, updatedAt: now }, now)
        if (changes.status === undefined || changes.status === lead.status)
          return [{ type: 'conversation.updated', conversationId: conversation.id, propertyId: conversation.propertyId }]
        return conversations.recordEvent(conversation, 'lead_status', actor, { status: changes.status }, now)
      })
      events.publish(published)
      return next
    },

    /**
     * A reservation linked to the guest of open leads converts those of its own property and
     * records it (a booking at another property of the group is not this one's conversion, and
     * its id is not for this property's eyes). Runs inside the reservation's transaction; returns
     * the conversations whose lead changed.
     */
    convertForReservation(guestId: string, reservationId: string, propertyId: string, now: number): string[] {
      return store.leads.openOfGuest(guestId, propertyId).map((lead) => {
        const converted: Lead = { ...lead, guestId, status: 'converted', reservationId, updatedAt: now }
        store.leads.update(converted)
        store.changeLog.append('lead', lead.id, 'update', { status: 'converted', reservationId, guestId, updatedAt: now }, now)
        return lead.conversationId
      })
    },

    /** Captures the conversation as a lead, once; returns the lead it already had otherwise. */
    capture(conversation: Conversation, actor: Actor = 'system'): { lead: Lead; created: boolean } {
      const now = clock()
      const { lead, published } = store.transaction(() => {
        const existing = store.leads.byConversation(conversation.id)
        if (existing) return { lead: existing, published: [] }
        const lead: Lead = {
          id: newId('lead'),
          conversationId: conversation.id,
          guestId: conversation.guestId,
          status: 'new',
          notes: '',
          createdByAgentId: typeof actor === 'string' ? null : actor.agentId,
          reservationId: null,
          createdAt: now,
          updatedAt: now,
        }
        store.leads.insert(lead)
        store.changeLog.append('lead', lead.id, 'insert', lead, now)
        return { lead, published: conversations.recordEvent(conversation, 'lead_captured', actor, { leadId: lead.id }, now) }
      })
      events.publish(published)
      return { lead, created: published.length > 0 }
    },
  }
}

export type LeadService = ReturnType<typeof createLeadService>
