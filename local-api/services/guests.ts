import type { Conversation } from '../db/conversations.js'
import type { GuestMerge, MergeActor } from '../db/guest-merges.js'
import type { Guest } from '../db/guests.js'
import type { Store } from '../db/store.js'
import { newId } from '../domain/ids.js'
import type { ConversationService } from './conversations.js'
import type { DomainEvent, EventBus } from './event-bus.js'
import { Refusal, type Outcome } from './problems.js'

export type { MergeActor } from '../db/guest-merges.js'

export interface MergeOptions {
  /** Who links the profiles (shown in the timeline and the merge record). */
  by: MergeActor
  /** Why, in staff's words or the suggestion's ("wrote sara@x.ch in a message"). */
  reason?: string | null
}

const PROFILE_FIELDS = ['firstName', 'lastName', 'language'] as const

export const guestName = (guest: Pick<Guest, 'firstName' | 'lastName'> | undefined | null): string | null =>
  (guest && [guest.firstName, guest.lastName].filter(Boolean).join(' ')) || null

const actorOf = (by: MergeActor) => (by.agentId ? { agentId: by.agentId } : ('system' as const))
const cleanReason = (reason: string | null | undefined) => reason?.trim() || null

/**
 * Guest profiles as staff tidy them: two profiles that are one person become one (a guest merge,
 * recorded with who, when and why), and a merge can be undone: the profile comes back as it was,
 * with exactly what had moved.
 */
export function createGuestService(store: Store, events: EventBus, conversations: Pick<ConversationService, 'recordEvent'>, clock: () => number = Date.now) {
  /** The timeline event on each conversation of either profile; inside the transaction. */
  function recordOnConversations(
    list: { conversation: Conversation; otherGuestId: string; otherName: string | null }[],
    type: 'guest_merged' | 'guest_merge_undone',
    merge: { id: string; reason: string | null },
    by: MergeActor,
    now: number,
  ): DomainEvent[] {
    const published: DomainEvent[] = []
    for (const { conversation, otherGuestId, otherName } of list) {
      const data = { mergeId: merge.id, otherGuestId, otherName, reason: merge.reason, ...(by.tokenName ? { tokenName: by.tokenName } : {}) }
      published.push(...conversations.recordEvent(conversation, type, actorOf(by), data, now))
    }
    return published
  }

  /**
   * Merges profile `source` and `target` inside the caller's transaction (see `merge`); `mergeId`
   * names the merge (guest linking names the merges it makes after the pair, so that desks finding
   * one at once make one merge). Returns what to publish once the transaction has committed.
   */
  function mergeWithin(source: Guest, target: Guest, options: MergeOptions, now: number, mergeId = newId('gmg')) {
    const [kept, gone] = source.id < target.id ? [source, target] : [target, source]
    const by = options.by
    const reason = cleanReason(options.reason)
    const keptConversations = store.conversations.byGuest(kept.id)
    const goneConversations = store.conversations.byGuest(gone.id)
    const moved = store.guestMerges.whatMoves(gone.id)
    store.guests.mergeInto(gone.id, kept.id)
    store.guestMerges.insert({
      id: mergeId,
      keptGuestId: kept.id,
      goneGuestId: gone.id,
      gone: { firstName: gone.firstName, lastName: gone.lastName, language: gone.language, createdAt: gone.createdAt, updatedAt: gone.updatedAt },
      keptBefore: { firstName: kept.firstName, lastName: kept.lastName, language: kept.language },
      moved,
      mergedBy: by,
      reason,
      origin: null,
      createdAt: now,
    })
    store.changeLog.append(
      'guest_merge',
      mergeId,
      'insert',
      {
        sourceId: source.id,
        targetId: target.id,
        undone: false,
        reason,
        mergedByAgentId: by.agentId ?? null,
        mergedByToken: by.tokenName ?? null,
      },
      now,
    )
    const published: DomainEvent[] = []
    const affected = [
      ...goneConversations.map((conversation) => ({ conversation, otherGuestId: kept.id, otherName: guestName(kept) })),
      ...keptConversations.map((conversation) => ({ conversation, otherGuestId: gone.id, otherName: guestName(gone) })),
    ]
    published.push(...recordOnConversations(affected, 'guest_merged', { id: mergeId, reason }, by, now))
    for (const conversation of store.conversations.byGuest(kept.id)) {
      store.conversations.refreshSearchText(conversation)
      published.push({ type: 'conversation.updated', conversationId: conversation.id, propertyId: conversation.propertyId })
    }
    return { mergeId, guestId: kept.id, conversationIds: moved.conversations, published }
  }

  return {
    mergeWithin,

    /**
     * Merges two profiles of one person: identities, conversations, reservations, leads and onsite
     * contacts end up on one profile and the other is gone. The profile kept is the one with the
     * smaller id, so that desks applying merges in any order (even two merges of one profile into
     * different others) keep the same one. Recorded (what moved, the gone profile as it was, who and
     * why), shown in the timeline of every conversation of both profiles, synced as one op keyed by
     * the merge's id: edits another desk still makes to the merged-away profile land on the kept one.
     * A profile merged that does not exist is a `Refusal`; one merged into itself or into nothing, a problem.
     */
    merge(sourceId: string, targetId: string, options: MergeOptions = { by: {} }): Outcome<{ mergeId: string; guestId: string; conversationIds: string[] }> {
      if (sourceId === targetId) return { ok: false, problems: [{ field: 'intoGuestId', message: 'is the same profile' }] }
      const source = store.guests.get(sourceId)
      const target = store.guests.get(targetId)
      if (!source) throw new Refusal('not-found', `no guest profile has the id ${sourceId}`)
      if (!target) return { ok: false, problems: [{ field: 'intoGuestId', message: 'names no guest profile' }] }
      const now = clock()
      const { mergeId, guestId, conversationIds, published } = store.transaction(() => mergeWithin(source, target, options, now))
      events.publish(published)
      return { ok: true, value: { mergeId, guestId, conversationIds } }
    },

    /**
     * Undoes a merge: the profile merged away comes back with its old fields and takes back exactly
     * what had moved (what is still on the kept profile); the kept profile gets back a field the
     * merge had given the other profile's value. Recorded in the timeline and synced: every desk
     * splits with what it had moved itself. Refused (a `Refusal`) for an unknown merge, one undone
     * already, or one whose profiles changed since in a way that keeps it from being undone.
     */
    undoMerge(mergeId: string, by: MergeActor = {}): { guestIds: [kept: string, restored: string]; conversationIds: string[] } {
      const merge = store.guestMerges.get(mergeId)
      if (!merge) throw new Refusal('not-found', `no guest merge has the id ${mergeId}`)
      const conflict = (message: string) => new Refusal('conflict', message, [{ field: 'mergeId', message }])
      if (merge.undoneAt !== null) throw conflict('is undone already')
      const kept = store.guests.get(merge.keptGuestId)
      if (!kept) throw conflict(`its profile ${merge.keptGuestId} was merged into another since: undo that merge first`)
      if (store.guests.get(merge.goneGuestId)) throw conflict(`the profile ${merge.goneGuestId} exists again`)
      const now = clock()
      const { conversationIds, published } = store.transaction(() => {
        const restored: Guest = { id: merge.goneGuestId, ...merge.gone }
        store.guests.insert(restored)
        // Two desks may have merged these two at once: every merge of the pair is undone, and what
        // any of them moved here goes back.
        const twins = store.guestMerges.activeOfPair(merge.keptGuestId, merge.goneGuestId).filter((twin) => twin.id !== merge.id)
        for (const undone of [merge, ...twins]) {
          store.guestMerges.moveBack(undone, kept.id)
          store.guestMerges.markUndone(undone.id, now, by)
          // Synced: each desk splits with what it moved itself, and both profiles show what was
          // written to each (the merge had shown both profiles' fields on the kept one).
          store.changeLog.append(
            'guest_merge',
            undone.id,
            'update',
            { undone: true, undoneByAgentId: by.agentId ?? null, undoneByToken: by.tokenName ?? null },
            now,
          )
        }
        const keptAfter = restoreKeptFields(kept, merge, now)
        if (keptAfter !== kept) store.guests.update(keptAfter)
        const published: DomainEvent[] = []
        const restoredConversations = store.conversations.byGuest(restored.id)
        const keptConversations = store.conversations.byGuest(kept.id)
        const affected = [
          ...restoredConversations.map((conversation) => ({ conversation, otherGuestId: kept.id, otherName: guestName(keptAfter) })),
          ...keptConversations.map((conversation) => ({ conversation, otherGuestId: restored.id, otherName: guestName(restored) })),
        ]
        published.push(...recordOnConversations(affected, 'guest_merge_undone', { id: merge.id, reason: merge.reason }, by, now))
        for (const conversation of [...restoredConversations, ...keptConversations]) {
          store.conversations.refreshSearchText(conversation)
          published.push({ type: 'conversation.updated', conversationId: conversation.id, propertyId: conversation.propertyId })
        }
        return { conversationIds: restoredConversations.map((conversation) => conversation.id), published }
      })
      events.publish(published)
      return { guestIds: [merge.keptGuestId, merge.goneGuestId], conversationIds }
    },

    /** Recent merges that kept or merged away this profile (or every recent one), newest first. */
    merges(guestId: string | undefined, limit = 50): GuestMerge[] {
      return guestId ? store.guestMerges.ofGuest(guestId, limit) : store.guestMerges.recent(limit)
    },
  }
}

/**
 * The kept profile after an undo: a field the merge gave the other profile's value (sync folds the
 * two profiles field by field) gets its own back; a field changed since stays as it is now.
 */
export function restoreKeptFields(kept: Guest, merge: GuestMerge, now: number): Guest {
  let changed = false
  const next = { ...kept }
  for (const field of PROFILE_FIELDS) {
    if (kept[field] !== merge.keptBefore[field] && kept[field] === merge.gone[field]) {
      next[field] = merge.keptBefore[field]
      changed = true
    }
  }
  return changed ? { ...next, updatedAt: now } : kept
}

export type GuestService = ReturnType<typeof createGuestService>
