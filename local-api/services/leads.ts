import type { Conversation } from '../db/conversations.js'
import type { Lead } from '../db/leads.js'
import type { Store } from '../db/store.js'
import { newId } from '../domain/ids.js'
import type { EventBus } from './event-bus.js'

/** Leads: conversations staff (or the sample data) marked as a likely booking. */
export function createLeadService(store: Store, events: EventBus, clock: () => number = Date.now) {
  return {
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
