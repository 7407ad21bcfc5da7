import type { Store } from '../db/store.js'
import type { EventBus } from './event-bus.js'
import type { Outcome } from './problems.js'

/** Guest profiles as staff tidy them: two profiles that are one person become one. */
export function createGuestService(store: Store, events: EventBus, clock: () => number = Date.now) {
  return {
    /**
     * Merges two profiles of one person: identities, conversations, reservations and leads end up
     * on one profile and the other is gone. The profile kept is the one with the smaller id, so that
     * desks applying merges in any order (even two merges of one profile into different others)
     * keep the same one. Synced as one op: edits another desk still makes to the merged-away
     * profile land on the kept one.
     */
    merge(sourceId: string, targetId: string): Outcome<{ guestId: string; conversationIds: string[] }> {
      if (sourceId === targetId) return { ok: false, problems: [{ field: 'intoGuestId', message: 'is the same profile' }] }
      if (!store.guests.get(sourceId)) return { ok: false, problems: [{ field: 'guestId', message: 'names no guest profile' }] }
      if (!store.guests.get(targetId)) return { ok: false, problems: [{ field: 'intoGuestId', message: 'names no guest profile' }] }
      const now = clock()
      const [kept, gone] = sourceId < targetId ? [sourceId, targetId] : [targetId, sourceId]
      const conversationIds = store.transaction(() => {
        const moved = store.conversations.byGuest(gone).map((conversation) => conversation.id)
        store.guests.mergeInto(gone, kept)
        store.changeLog.append('guest_merge', sourceId, 'insert', { sourceId, targetId }, now)
        for (const conversation of store.conversations.byGuest(kept)) store.conversations.refreshSearchText(conversation)
        return moved
      })
      events.publish(conversationIds.map((conversationId) => ({ type: 'conversation.updated' as const, conversationId, propertyId: store.conversations.get(conversationId)!.propertyId })))
      return { ok: true, value: { guestId: kept, conversationIds } }
    },
  }
}
