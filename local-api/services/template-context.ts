import type { Conversation } from '../db/conversations.js'
import type { Reservation } from '../db/reservations.js'
import type { Store } from '../db/store.js'
import { formatGuestDay, guestDateLocale, todayIn } from '../domain/guest-dates.js'
import type { TemplateContext } from '../domain/template-variables.js'

/** The reservation a conversation's guest profile has on its property: the current or next stay. */
export function reservationOf(store: Store, conversation: Conversation, today = new Date().toISOString().slice(0, 10)): Reservation | undefined {
  if (!conversation.guestId) return undefined
  const own = store.reservations.byGuest(conversation.guestId).filter((r) => r.propertyId === conversation.propertyId && r.status !== 'cancelled')
  const upcoming = own.filter((r) => r.departure >= today).sort((a, b) => a.arrival.localeCompare(b.arrival))
  return upcoming[0] ?? own[0]
}

/**
 * Everything a template or knowledge answer may name, for one conversation. The stay's dates are
 * written for the guest ("Thursday, 3 December"): in `options.language` (the language an answer is
 * given in), else the conversation's detected language, the profile's, or the property country's.
 */
export function templateContext(
  store: Store,
  conversation: Conversation,
  agentName: string | null = null,
  options: { language?: string | null; now?: number } = {},
): TemplateContext {
  const guest = conversation.guestId ? store.guests.get(conversation.guestId) : undefined
  const property = store.properties.get(conversation.propertyId)!
  const today = todayIn(property.timeZone, options.now ?? Date.now())
  const reservation = reservationOf(store, conversation, today)
  const locale = guestDateLocale(options.language ?? conversation.language ?? guest?.language ?? null, property.defaultCountry)
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
          arrival: formatGuestDay(reservation.arrival, locale, today),
          departure: formatGuestDay(reservation.departure, locale, today),
          room: reservation.room,
          status: reservation.status,
        }
      : null,
    property: { name: property.name },
    agent: agentName ? { name: agentName } : null,
  }
}
