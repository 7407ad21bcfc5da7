import type { Conversation } from '../db/conversations.js'
import type { Reservation } from '../db/reservations.js'
import type { Store } from '../db/store.js'
import type { TemplateContext } from '../domain/template-variables.js'

/** The reservation a conversation's guest profile has on its property: the current or next stay. */
export function reservationOf(store: Store, conversation: Conversation, today = new Date().toISOString().slice(0, 10)): Reservation | undefined {
  if (!conversation.guestId) return undefined
  const own = store.reservations.byGuest(conversation.guestId).filter((r) => r.propertyId === conversation.propertyId && r.status !== 'cancelled')
  const upcoming = own.filter((r) => r.departure >= today).sort((a, b) => a.arrival.localeCompare(b.arrival))
  return upcoming[0] ?? own[0]
}

/** Everything a template or knowledge answer may name, for one conversation. */
export function templateContext(store: Store, conversation: Conversation, agentName: string | null = null): TemplateContext {
  const guest = conversation.guestId ? store.guests.get(conversation.guestId) : undefined
  const reservation = reservationOf(store, conversation)
  const property = store.properties.get(conversation.propertyId)!
  return {
    guest: {
      firstName: guest?.firstName ?? null,
      lastName: guest?.lastName ?? null,
      name: conversation.guestName,
      language: guest?.language ?? null,
    },
    reservation: reservation
      ? {
          confirmationNumber: reservation.confirmationNumber,
          arrival: reservation.arrival,
          departure: reservation.departure,
          room: reservation.room,
          status: reservation.status,
        }
      : null,
    property: { name: property.name },
    agent: agentName ? { name: agentName } : null,
  }
}
