import type { Conversation } from '../db/conversations.js'
import type { Store } from '../db/store.js'
import type { EventBus } from './event-bus.js'

/** Changes staff make to a conversation itself (its messages go through the ingest service). */
export function createConversationService(store: Store, events: EventBus, clock: () => number = Date.now) {
  return {
    /** Opening a conversation reads it: its unread count drops to zero, once. */
    markRead(conversation: Conversation): void {
      const now = clock()
      const changed = store.transaction(() => {
        if (!store.conversations.markRead(conversation.id)) return false
        store.changeLog.append('conversation', conversation.id, 'update', { unreadCount: 0 }, now)
        return true
      })
      if (changed) events.publish([{ type: 'conversation.updated', conversationId: conversation.id, propertyId: conversation.propertyId }])
    },
  }
}

export type ConversationService = ReturnType<typeof createConversationService>
