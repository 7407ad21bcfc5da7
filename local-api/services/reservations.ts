import { newId } from '../domain/ids.js'
import { normalizeEmail, normalizePhone, type IdentityKind } from '../domain/identity.js'
import { dayProblem } from '../domain/timestamps.js'
import type { GuestIdentity } from '../db/guests.js'
import type { Property } from '../db/properties.js'
import type { Reservation, ReservationStatus } from '../db/reservations.js'
import type { Store } from '../db/store.js'
import type { DomainEvent, EventBus } from './event-bus.js'
import { noCandidates, type GuestLinking } from './guest-linking.js'
import type { Outcome, Problem } from './problems.js'

export interface ReservationInput {
  confirmationNumber: string
  firstName?: string | null
  lastName?: string | null
  phone?: string | null
  email?: string | null
  language?: string | null
  arrival: string
  departure: string
  room?: string | null
  status: ReservationStatus
}

export interface UpsertedReservation {
  reservation: Reservation
  created: boolean
  /** Conversations this call linked to the guest profile (already linked ones are not listed). */
  linkedConversationIds: string[]
}

/**
 * Upserts a reservation by confirmation number and makes its guest profile: found through the
 * reservation's phone or email when either already belongs to a profile, else created. Every
 * conversation of those identities is linked to the profile, whether it came before or after.
 */
export function createReservationService(store: Store, events: EventBus, linking: Pick<GuestLinking, 'settle'>, clock: () => number = Date.now) {
  function validate(property: Property, input: ReservationInput): Outcome<ReservationInput> {
    const problems: Problem[] = []
    let phone: string | null = null
    let email: string | null = null
    if (input.phone) {
      const result = normalizePhone(input.phone, property.defaultCountry)
      if (result.ok) phone = result.value
      else problems.push({ field: 'phone', message: result.reason })
    }
    if (input.email) {
      const result = normalizeEmail(input.email)
      if (result.ok) email = result.value
      else problems.push({ field: 'email', message: result.reason })
    }
    if (input.confirmationNumber.trim() === '') problems.push({ field: 'confirmationNumber', message: 'must not be blank' })
    for (const field of ['firstName', 'lastName'] as const) {
      if (input[field] !== undefined && input[field] !== null && input[field].trim() === '') problems.push({ field, message: 'must not be blank' })
    }
    for (const field of ['arrival', 'departure'] as const) {
      const problem = dayProblem(input[field])
      if (problem) problems.push({ field, message: problem })
    }
    if (input.departure < input.arrival) {
      problems.push({ field: 'departure', message: 'is before arrival' })
    }
    return problems.length ? { ok: false, problems } : { ok: true, value: { ...input, phone, email } }
  }

  function findOrCreateIdentity(kind: IdentityKind, value: string | null, now: number): GuestIdentity | undefined {
    if (!value) return undefined
    const found = store.guests.findIdentity(kind, value)
    // Only verified identities link a reservation. A contact a guest merely wrote (an unverified
    // identity, from before migration 0090 or an older desk) links nothing: the push verifies the
    // value, and the profile it was put on by text is not the reservation's.
    if (found && store.contactSuggestions.verifiedOwner(kind, value) === undefined) {
      store.contactSuggestions.verifyIdentity(found.rowid)
      store.changeLog.append('guest_identity', `${kind}:${value}`, 'update', { guestId: null, verified: true }, now)
      return { ...found, guestId: null }
    }
    if (found) return found
    store.changeLog.append('guest_identity', `${kind}:${value}`, 'insert', { kind, value, guestId: null, verified: true }, now)
    return store.guests.insertIdentity(kind, value, null, now)
  }

  function write(property: Property, input: ReservationInput, now: number) {
    const published: DomainEvent[] = []
    const existing = store.reservations.byConfirmation(property.id, input.confirmationNumber)
    const identities = [findOrCreateIdentity('phone', input.phone ?? null, now), findOrCreateIdentity('email', input.email ?? null, now)].filter(
      (identity): identity is GuestIdentity => identity !== undefined,
    )

    const guestId = existing?.guestId ?? identities.find((identity) => identity.guestId)?.guestId ?? newId('gst')
    const previous = store.guests.get(guestId)
    const guest = {
      id: guestId,
      firstName: input.firstName ?? previous?.firstName ?? null,
      lastName: input.lastName ?? previous?.lastName ?? null,
      language: input.language ?? previous?.language ?? null,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
    }
    if (previous) store.guests.update(guest)
    else store.guests.insert(guest)
    store.changeLog.append('guest', guestId, previous ? 'update' : 'insert', guest, now)

    // The guest's name may be new or changed: every conversation of the profile is searchable by it.
    for (const conversation of store.conversations.byGuest(guestId)) {
      store.conversations.refreshSearchText(conversation)
      published.push({ type: 'conversation.updated', conversationId: conversation.id, propertyId: conversation.propertyId })
    }

    const reservation: Reservation = {
      id: existing?.id ?? newId('res'),
      propertyId: property.id,
      confirmationNumber: input.confirmationNumber,
      guestId,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      language: input.language ?? null,
      arrival: input.arrival,
      departure: input.departure,
      room: input.room ?? null,
      status: input.status,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    }
    store.reservations.upsert(reservation)
    store.changeLog.append('reservation', reservation.id, existing ? 'update' : 'insert', reservation, now)
    // Its contacts' profiles become one, their conversations the guest's; a lead of the guest converts.
    const linked = linking.settle({ ...noCandidates(), reservations: new Set([reservation.id]), guests: new Set([guestId]) }, now)
    published.push(...linked.published)
    // Linking may have merged the guest's profile into one with a smaller id.
    const kept = store.reservations.get(reservation.id)!
    published.push({ type: 'reservation.upserted', reservationId: kept.id, propertyId: kept.propertyId, guestId: kept.guestId })
    return { value: { reservation: kept, created: !existing, linkedConversationIds: linked.linkedConversationIds }, published }
  }

  return {
    upsert(property: Property, input: ReservationInput): Outcome<UpsertedReservation> {
      const checked = validate(property, input)
      if (!checked.ok) return checked
      const now = clock()
      const { value, published } = store.transaction(() => write(property, checked.value, now))
      events.publish(published)
      return { ok: true, value }
    },
  }
}

export type ReservationService = ReturnType<typeof createReservationService>
