import { createHash, randomBytes } from 'node:crypto'
import type { Reservation } from '../db/reservations.js'
import type { Store } from '../db/store.js'

/** A guest-app session lasts through a long stay. */
export const GUEST_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000

const hash = (token: string) => createHash('sha256').update(token).digest('hex')

/** Guest-app session tokens: issued for a reservation, so a guest-app conversation knows its guest. */
export function createGuestSessionService(store: Store, clock: () => number = Date.now) {
  return {
    /** A new token for the reservation (shown once; only its hash is stored). */
    issue(reservation: Reservation): { token: string; expiresAt: number } {
      const now = clock()
      const token = `gs_${randomBytes(32).toString('base64url')}`
      const expiresAt = now + GUEST_SESSION_TTL_MS
      store.transaction(() => {
        store.guestSessions.removeExpired(now)
        store.guestSessions.insert({ tokenHash: hash(token), reservationId: reservation.id, createdAt: now, expiresAt })
      })
      return { token, expiresAt }
    },

    /** The reservation of an unexpired session token. */
    reservationOf(token: string): Reservation | undefined {
      const reservationId = store.guestSessions.liveReservationId(hash(token), clock())
      return reservationId ? store.reservations.get(reservationId) : undefined
    },
  }
}

export type GuestSessionService = ReturnType<typeof createGuestSessionService>
