import type { Conversation } from '../db/conversations.js'
import type { Lead, LeadStatus } from '../db/leads.js'
import type { Store } from '../db/store.js'
import { newId } from '../domain/ids.js'
import type { EventBus } from './event-bus.js'

/** Leads: conversations staff (or the sample data) marked as a likely booking. */
export function createLeadService(store: Store, events: EventBus, clock: () => number = Date.now) {
  return {
    /** Moves a lead along its pipeline (new → contacted → follow-up → converted / lost) or edits its notes. */
    update(lead: Lead, changes: { status?: LeadStatus; notes?: string }): Lead {
      const now = clock()
      const next: Lead = { ...lead, ...changes, updatedAt: now }
      const conversation = store.conversations.get(lead.conversationId)!
      store.transaction(() => {
        store.leads.update(next)
        store.changeLog.append('lead', lead.id, 'update', changes, now)
      })
      events.publish([{ type: 'conversation.updated', conversationId: conversation.id, propertyId: conversation.propertyId }])
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
        store.changeLog.append('lead', lead.id, 'update', { status: 'converted', reservationId, guestId }, now)
        return lead.conversationId
      })
    },

    /** Captures the conversation as a lead, once; returns the lead it already had otherwise. */
    capture(conversation: Conversation, createdByAgentId: string | null = null): Lead {
      const now = clock()
      const { lead, created } = store.transaction(() => {
        const existing = store.leads.byConversation(conversation.id)
        if (existing) return { lead: existing, created: false }
        const lead: Lead = {
          id: newId('lead'),
          conversationId: conversation.id,
          guestId: conversation.guestId,
          status: 'new',
          notes: '',
          createdByAgentId,
          reservationId: null,
          createdAt: now,
          updatedAt: now,
        }
        store.leads.insert(lead)
        store.changeLog.append('lead', lead.id, 'insert', lead, now)
        return { lead, created: true }
      })
      if (created) events.publish([{ type: 'conversation.updated', conversationId: conversation.id, propertyId: conversation.propertyId }])
      return lead
    },
  }
}

export type LeadService = ReturnType<typeof createLeadService>
