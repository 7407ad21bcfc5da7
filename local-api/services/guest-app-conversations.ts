import type { Outlet } from '../db/outlets.js'
import type { Reservation } from '../db/reservations.js'
import type { Store } from '../db/store.js'
import type { Ingest } from './ingest.js'
import type { Outcome } from './problems.js'

export interface GuestAppMessage {
  reservation: Reservation
  text: string
  /** true: the guest wrote it; false: staff started the conversation for the guest. */
  fromGuest: boolean
  /** Empty: the property's first available outlet. */
  outletCode: string | null
  orderCode: string | null
}

/**
 * Guest-app conversations: one thread per reservation, outlet (department) and order, carrying the
 * reservation's guest profile; each message goes through the ingest service.
 */
export function createGuestAppConversationService(store: Store, ingest: Ingest, clock: () => number = Date.now) {
  function outletFor(propertyId: string, code: string | null): Outlet | string {
    if (!code) return store.outlets.firstAvailable(propertyId) ?? 'the property has no available outlet'
    const outlet = store.outlets.byCode(propertyId, code)
    if (!outlet) return `names no outlet of this property (${code})`
    return outlet.available ? outlet : `the outlet ${code} is not available`
  }

  return {
    async post(input: GuestAppMessage): Promise<Outcome<{ conversationId: string; messageId: string; outlet: Outlet }>> {
      const { reservation } = input
      const property = store.properties.get(reservation.propertyId)!
      const outlet = outletFor(property.id, input.outletCode)
      if (typeof outlet === 'string') return { ok: false, problems: [{ field: 'outletCode', message: outlet }] }
      const thread = [reservation.id, outlet.code, input.orderCode].filter(Boolean).join(':')
      const outcome = await ingest.submit(property, [
        {
          channel: 'guest_app',
          identity: { kind: 'guest_app', value: thread, guestId: reservation.guestId },
          source: { outletId: outlet.id, orderCode: input.orderCode },
          direction: input.fromGuest ? 'in' : 'out',
          content: { type: 'text', text: input.text },
          createdAt: clock(),
        },
      ])
      if (!outcome.ok) return outcome
      const [result] = outcome.value
      return { ok: true, value: { conversationId: result!.conversationId, messageId: result!.messageId, outlet } }
    },
  }
}

export type GuestAppConversationService = ReturnType<typeof createGuestAppConversationService>
