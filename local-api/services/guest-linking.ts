// The rules that tie a guest's parts together, in one place, for what arrives by push and by sync
// alike (so the desk and the order of arrival never matter):
// - a verified phone or email is one person's: the profiles that hold it (through the identity, or
//   through a reservation that names it) are one profile, merged into the smaller id — recorded as a
//   guest merge named after the pair, so desks that find it at once make one merge;
// - an identity with no profile joins the profile of a reservation that names it;
// - a conversation of an identity that has a profile is that profile's;
// - leads convert by the rule in services/leads.ts (`convertByBookings`).
// Every step writes its change-log entry as a push does: the links travel to desks of older versions too.
import type { Guest } from '../db/guests.js'
import type { Store } from '../db/store.js'
import type { IdentityKind } from '../domain/identity.js'
import type { DomainEvent } from './event-bus.js'
import type { GuestService } from './guests.js'
import type { LeadService } from './leads.js'

type ContactKind = Extract<IdentityKind, 'phone' | 'email'>
const isContactKind = (kind: string): kind is ContactKind => kind === 'phone' || kind === 'email'

/** What changed, whose links to settle: identities as `kind:value`, the rest by id. */
export interface LinkCandidates {
  identities: Set<string>
  reservations: Set<string>
  conversations: Set<string>
  guests: Set<string>
  /** Profiles found to be one person (one reservation on two desks named both). */
  sameGuests: [string, string][]
}

export const noCandidates = (): LinkCandidates => ({
  identities: new Set(),
  reservations: new Set(),
  conversations: new Set(),
  guests: new Set(),
  sameGuests: [],
})

/** The merge two profiles linked by a shared contact make: named after the pair, the same on every desk. */
export const linkMergeId = (keptId: string, goneId: string) => `gmg_link_${keptId}_${goneId}`

export function createGuestLinking(store: Store, guests: Pick<GuestService, 'mergeWithin'>, leads: Pick<LeadService, 'convertByBookings'>) {
  /** Merges every profile into the smallest id (unless staff undid that merge before); returns the one kept. */
  function mergeProfiles(ids: Set<string>, contact: string, now: number, published: DomainEvent[], touchedGuests: Set<string>): string | undefined {
    const profiles = [...ids]
      .map((id) => store.guests.get(id))
      .filter((guest): guest is Guest => guest !== undefined)
      .sort((x, y) => (x.id < y.id ? -1 : 1))
    const kept = profiles[0]
    if (!kept) return undefined
    for (const gone of profiles.slice(1)) {
      const mergeId = linkMergeId(kept.id, gone.id)
      // Made already, or staff split these two once: they stay apart until staff merge them again.
      if (store.guestMerges.get(mergeId) || store.guestMerges.wasSplit(kept.id, gone.id)) continue
      const merged = guests.mergeWithin(kept, gone, { by: {}, reason: `both hold ${contact}` }, now, mergeId)
      published.push(...merged.published)
    }
    touchedGuests.add(kept.id)
    return kept.id
  }

  /** A verified phone or email: its profiles made one, its identity and its conversations on it. */
  function settleContact(kind: ContactKind, value: string, now: number, published: DomainEvent[], touchedGuests: Set<string>, linked: string[]): void {
    // An identity a guest only wrote in a message (unverified) links nothing: a guess is never identity.
    const owner = store.contactSuggestions.verifiedOwner(kind, value)
    const profiles = new Set(store.reservations.byContact(kind, value).map((reservation) => reservation.guestId))
    if (owner) profiles.add(owner)
    const guestId = mergeProfiles(profiles, `${kind} ${value}`, now, published, touchedGuests)
    const identity = owner === undefined ? undefined : store.guests.findIdentity(kind, value)
    if (!identity || !guestId) return
    if (identity.guestId === null && store.guests.linkIdentity(identity.rowid, guestId)) {
      store.changeLog.append('guest_identity', `${kind}:${value}`, 'update', { guestId }, now)
      // The profile's conversations are found by every contact of the profile, this one now too.
      for (const conversation of store.conversations.byGuest(guestId)) store.conversations.refreshSearchText(conversation)
    }
    for (const conversationId of store.conversations.linkIdentityConversations(identity.rowid, guestId)) {
      store.changeLog.append('conversation', conversationId, 'update', { guestId }, now)
      linked.push(conversationId)
      const conversation = store.conversations.get(conversationId)!
      store.conversations.refreshSearchText(conversation)
      published.push({ type: 'conversation.updated', conversationId, propertyId: conversation.propertyId })
    }
  }

  return {
    /**
     * Settles the links of what changed (inside the caller's transaction) and returns the events
     * to publish once it commits, and the conversations it linked to a profile. Idempotent:
     * settling what is settled changes nothing.
     */
    settle(candidates: LinkCandidates, now: number): { published: DomainEvent[]; linkedConversationIds: string[] } {
      const published: DomainEvent[] = []
      const linkedConversationIds: string[] = []
      const contacts = new Set(candidates.identities)
      for (const id of candidates.reservations) {
        const reservation = store.reservations.get(id)
        if (!reservation) continue
        if (reservation.phone) contacts.add(`phone:${reservation.phone}`)
        if (reservation.email) contacts.add(`email:${reservation.email}`)
      }
      const touchedGuests = new Set(candidates.guests)
      for (const [a, b] of candidates.sameGuests) {
        const profiles = new Set([store.sync.resolve('guest', a), store.sync.resolve('guest', b)])
        mergeProfiles(profiles, 'one reservation', now, published, touchedGuests)
      }
      for (const id of candidates.conversations) {
        const conversation = store.conversations.get(id)
        if (conversation?.identity) contacts.add(`${conversation.identity.kind}:${conversation.identity.value}`)
        if (conversation?.guestId) touchedGuests.add(conversation.guestId)
      }
      for (const contact of contacts) {
        const [kind, ...rest] = contact.split(':')
        if (kind && isContactKind(kind)) settleContact(kind, rest.join(':'), now, published, touchedGuests, linkedConversationIds)
      }
      for (const guestId of touchedGuests) {
        if (!store.guests.get(guestId)) continue
        for (const conversationId of leads.convertByBookings(guestId, now)) {
          published.push({ type: 'conversation.updated', conversationId, propertyId: store.conversations.get(conversationId)!.propertyId })
        }
      }
      return { published, linkedConversationIds }
    },
  }
}

export type GuestLinking = ReturnType<typeof createGuestLinking>
