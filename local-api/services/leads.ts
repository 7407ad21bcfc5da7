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
     * The one rule for converting leads: an open lead of this guest converts when a booked
     * reservation of the guest at the lead's property was taken or changed at or after the lead was
     * captured (the earliest such booking is the one recorded; a booking at another property of the
     * group is not this one's conversion, and its id is not for this property's eyes). It depends
     * only on what the desk holds, so desks that learn of the lead, the booking and the link in any
     * order convert the same leads. Runs inside the caller's transaction; returns the conversations
     * whose lead changed.
     */
    convertByBookings(guestId: string, now: number): string[] {
      const bookings = store.reservations
        .byGuest(guestId)
        .filter((reservation) => reservation.status !== 'cancelled' && reservation.status !== 'no_show')
        .sort((x, y) => x.updatedAt - y.updatedAt || (x.id < y.id ? -1 : 1))
      const converted: string[] = []
      for (const propertyId of new Set(bookings.map((reservation) => reservation.propertyId))) {
        for (const lead of store.leads.openOfGuest(guestId, propertyId)) {
          const booking = bookings.find((reservation) => reservation.propertyId === propertyId && reservation.updatedAt >= lead.createdAt)
          if (!booking) continue
          store.leads.update({ ...lead, guestId, status: 'converted', reservationId: booking.id, updatedAt: now })
          store.changeLog.append('lead', lead.id, 'update', { status: 'converted', reservationId: booking.id, guestId, updatedAt: now }, now)
          converted.push(lead.conversationId)
        }
      }
      return converted
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
