import type { ContactSuggestion } from '../db/contact-suggestions.js'
import type { Conversation, ConversationInsight } from '../db/conversations.js'
import type { Store } from '../db/store.js'
import { suggestionId, type SuggestionStatus } from '../domain/contact-suggestions.js'
import { newId } from '../domain/ids.js'
import type { ContactKind } from '../domain/identity.js'
import type { DomainEvent, EventBus } from './event-bus.js'
import { Refusal, type Outcome } from './problems.js'

/** Who decides: a signed-in staff member, or an API token by name. */
export interface DecidedBy {
  agentId: string | null
  tokenName: string | null
}

/** What this service needs of the guest service: a recorded, undoable merge of two profiles. */
export interface GuestMerger {
  merge(
    sourceId: string,
    targetId: string,
    options: { by: DecidedBy; reason?: string },
  ): Outcome<{ mergeId: string; guestId: string; conversationIds: string[] }>
}

export interface SuggestionView {
  id: string
  kind: ContactKind
  value: string
  status: SuggestionStatus
  /** The profile holding this value as a verified identity (staff only). */
  matchedGuest: { id: string; name: string | null; confirmationNumbers: string[] } | null
  /** The value is the address another conversation comes from, on no profile yet: a link joins that conversation too. */
  otherConversation: boolean
  foundAt: number
}

/** A suggestion as staff decided it, and the conversation's profile after. */
export interface Decision {
  suggestion: SuggestionView
  mergeId: string | null
  guestId: string | null
}

/** Whether a contact the guest wrote is worth a suggestion: not when it already is this conversation's own. */
export function suggests(store: Store, conversation: Conversation, kind: ContactKind, value: string): boolean {
  if (conversation.identity?.kind === kind && conversation.identity.value === value) return false
  return conversation.guestId === null || store.contactSuggestions.verifiedOwner(kind, value) !== conversation.guestId
}

/**
 * Makes the suggestions of a conversation's insight that are missing here (a conversation synced
 * from a desk that sends no suggestion ops). Derived on every desk alike, so not logged.
 */
export function suggestFromInsight(store: Store, conversationId: string): void {
  const conversation = store.conversations.get(conversationId)
  const captured = (conversation?.insight as ConversationInsight | null | undefined)?.captured
  if (!conversation || !captured) return
  const foundAt = conversation.lastGuestMessageAt ?? conversation.createdAt
  for (const [kind, values] of [
    ['email', captured.emails],
    ['phone', captured.phones],
  ] as const) {
    for (const value of Array.isArray(values) ? values : []) {
      if (typeof value !== 'string' || !value || !suggests(store, conversation, kind, value)) continue
      store.contactSuggestions.found(suggestionId(conversation.id, kind, value), conversation.id, kind, value, foundAt)
    }
  }
}

/**
 * Contacts a guest wrote, for staff to decide on. A suggestion is shown with the profile that
 * owns its value as a verified identity; linking it is a recorded, undoable guest merge (the
 * conversation first gets a profile of its own when it has none), or — for a value nobody owns —
 * adds it to the conversation's profile as a staff-confirmed identity. Whether a suggestion is
 * linked follows the profiles: undoing the merge makes it new again.
 */
export function createContactSuggestionService(store: Store, events: EventBus, guests: GuestMerger, clock: () => number = Date.now) {
  const byLabel = (by: DecidedBy) => (by.agentId ? by.agentId : by.tokenName ? `token:${by.tokenName}` : 'desk')

  function view(conversation: Conversation, suggestion: ContactSuggestion): SuggestionView {
    const owner = store.contactSuggestions.verifiedOwner(suggestion.kind, suggestion.value) ?? null
    const guest = owner ? store.guests.get(owner) : undefined
    const linked = owner !== null && owner === conversation.guestId
    return {
      id: suggestion.id,
      kind: suggestion.kind,
      value: suggestion.value,
      status: suggestion.status === 'dismissed' ? 'dismissed' : linked ? 'linked' : 'new',
      matchedGuest:
        guest && !linked
          ? {
              id: guest.id,
              name: [guest.firstName, guest.lastName].filter(Boolean).join(' ') || null,
              confirmationNumbers: store.reservations
                .byGuest(guest.id)
                .filter((reservation) => reservation.propertyId === conversation.propertyId)
                .map((reservation) => reservation.confirmationNumber),
            }
          : null,
      otherConversation: owner === null && store.contactSuggestions.verifiedOwner(suggestion.kind, suggestion.value) === null,
      foundAt: suggestion.foundAt,
    }
  }

  function record(conversation: Conversation, suggestion: ContactSuggestion, status: SuggestionStatus, by: DecidedBy, now: number): void {
    const decidedBy = byLabel(by)
    store.contactSuggestions.decide(suggestion.id, status, decidedBy, now)
    store.changeLog.append(
      'contact_suggestion',
      suggestion.id,
      'update',
      { conversationId: conversation.id, kind: suggestion.kind, value: suggestion.value, foundAt: suggestion.foundAt, status, decidedBy, decidedAt: now },
      now,
    )
  }

  /** The conversation's profile, made now (holding its own channel identity) when it has none. */
  function ensureProfile(conversation: Conversation, now: number, published: DomainEvent[]): string | null {
    if (conversation.guestId) return conversation.guestId
    const own = conversation.identity && store.guests.findIdentity(conversation.identity.kind, conversation.identity.value)
    if (!own) return null
    if (own.guestId) return own.guestId
    const guestId = newId('gst')
    const guest = { id: guestId, firstName: null, lastName: null, language: null, createdAt: now, updatedAt: now }
    store.guests.insert(guest)
    store.changeLog.append('guest', guestId, 'insert', guest, now)
    store.guests.linkIdentity(own.rowid, guestId)
    store.changeLog.append('guest_identity', `${own.kind}:${own.value}`, 'update', { guestId }, now)
    for (const id of store.conversations.linkIdentityConversations(own.rowid, guestId)) {
      store.changeLog.append('conversation', id, 'update', { guestId }, now)
      const linked = store.conversations.get(id)!
      published.push({ type: 'conversation.updated', conversationId: id, propertyId: linked.propertyId })
    }
    return guestId
  }

  function find(conversation: Conversation, id: string): ContactSuggestion | undefined {
    const suggestion = store.contactSuggestions.get(id)
    return suggestion && suggestion.conversationId === conversation.id ? suggestion : undefined
  }

  return {
    list(conversation: Conversation): SuggestionView[] {
      return store.contactSuggestions.ofConversation(conversation.id).map((suggestion) => view(conversation, suggestion))
    },

    /**
     * Staff confirm that the guest of this conversation is the person the value belongs to: a
     * guest merge with its owner's profile (recorded and undoable), or, for a value nobody owns
     * yet, a staff-confirmed identity of this conversation's profile. Profiles are shared by every
     * property: `mayMerge` false (a property-bound token) refuses a link that would merge. Refused
     * (a `Refusal`): an unknown suggestion, a value the profile holds already, a link that cannot be made.
     */
    link(conversation: Conversation, id: string, by: DecidedBy, { reason, mayMerge = true }: { reason?: string; mayMerge?: boolean } = {}): Decision {
      const suggestion = find(conversation, id)
      if (!suggestion) throw new Refusal('not-found', `no suggestion ${id} in this conversation`)
      const now = clock()
      const owner = store.contactSuggestions.verifiedOwner(suggestion.kind, suggestion.value)
      if (owner && owner === conversation.guestId) throw new Refusal('conflict', "this value already belongs to the guest's profile")
      const published: DomainEvent[] = []
      let outcome: { mergeId: string | null; guestId: string } | string
      if (owner === undefined) {
        outcome = store.transaction(() => {
          const guestId = ensureProfile(conversation, now, published)
          if (!guestId) return 'this conversation has no guest identity to link to'
          store.guests.insertIdentity(suggestion.kind, suggestion.value, guestId, now, true)
          store.changeLog.append(
            'guest_identity',
            `${suggestion.kind}:${suggestion.value}`,
            'insert',
            { kind: suggestion.kind, value: suggestion.value, guestId, verified: true, confirmedBy: byLabel(by) },
            now,
          )
          record(conversation, suggestion, 'linked', by, now)
          for (const linked of store.conversations.byGuest(guestId)) store.conversations.refreshSearchText(linked)
          return { mergeId: null, guestId }
        })
      } else if (!mayMerge) {
        throw new Refusal('forbidden', 'linking this value merges two guest profiles, which a property-bound token may not do')
      } else {
        // The value's owner: a profile, or an identity (another conversation's) that has none yet;
        // either way both sides get a profile and the link is one recorded, undoable merge.
        const prepared = store.transaction(() => {
          const ours = ensureProfile(conversation, now, published)
          if (!ours) return 'this conversation has no guest identity to link to'
          let theirs = owner
          if (theirs === null) {
            const identity = store.guests.findIdentity(suggestion.kind, suggestion.value)!
            theirs = newId('gst')
            const guest = { id: theirs, firstName: null, lastName: null, language: null, createdAt: now, updatedAt: now }
            store.guests.insert(guest)
            store.changeLog.append('guest', theirs, 'insert', guest, now)
            store.guests.linkIdentity(identity.rowid, theirs)
            store.changeLog.append('guest_identity', `${identity.kind}:${identity.value}`, 'update', { guestId: theirs }, now)
            for (const linkedId of store.conversations.linkIdentityConversations(identity.rowid, theirs)) {
              store.changeLog.append('conversation', linkedId, 'update', { guestId: theirs }, now)
            }
          }
          return { ours, theirs }
        })
        if (typeof prepared === 'string') throw new Refusal('conflict', prepared)
        const merged = guests.merge(prepared.ours, prepared.theirs, { by, reason: reason ?? `the guest wrote ${suggestion.value}` })
        if (!merged.ok) throw new Refusal('conflict', merged.problems.map((problem) => `${problem.field} ${problem.message}`).join('; '))
        store.transaction(() => record(conversation, suggestion, 'linked', by, now))
        outcome = { mergeId: merged.value.mergeId, guestId: merged.value.guestId }
      }
      if (typeof outcome === 'string') throw new Refusal('conflict', outcome)
      published.push({ type: 'conversation.updated', conversationId: conversation.id, propertyId: conversation.propertyId })
      events.publish(published)
      const current = store.conversations.get(conversation.id)!
      return { suggestion: view(current, store.contactSuggestions.get(id)!), ...outcome }
    },

    /** Staff decide the value is not this guest's (or not worth linking): it is no longer offered. */
    dismiss(conversation: Conversation, id: string, by: DecidedBy): Decision {
      const suggestion = find(conversation, id)
      if (!suggestion) throw new Refusal('not-found', `no suggestion ${id} in this conversation`)
      const now = clock()
      store.transaction(() => record(conversation, suggestion, 'dismissed', by, now))
      events.publish([{ type: 'conversation.updated', conversationId: conversation.id, propertyId: conversation.propertyId }])
      return { suggestion: view(conversation, store.contactSuggestions.get(id)!), mergeId: null, guestId: conversation.guestId }
    },
  }
}

export type ContactSuggestionService = ReturnType<typeof createContactSuggestionService>
