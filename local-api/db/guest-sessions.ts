import type { Db } from './open.js'

export interface GuestSession {
  tokenHash: string
  reservationId: string
  createdAt: number
  expiresAt: number
}

/** Guest-app sessions issued for reservations; only the token's hash is stored. */
export function guestSessionsRepository(db: Db) {
  const insert = db.prepare(
    'INSERT INTO guest_sessions (token_hash, reservation_id, created_at, expires_at) VALUES (@tokenHash, @reservationId, @createdAt, @expiresAt)',
  )
  const live = db.prepare('SELECT reservation_id AS reservationId FROM guest_sessions WHERE token_hash = ? AND expires_at > ?')
  const removeExpired = db.prepare('DELETE FROM guest_sessions WHERE expires_at <= ?')

  return {
    insert(session: GuestSession): void {
      insert.run(session)
    },
    /** The reservation an unexpired session was issued for. */
    liveReservationId(tokenHash: string, now: number): string | undefined {
      return (live.get(tokenHash, now) as { reservationId: string } | undefined)?.reservationId
    },
    removeExpired(now: number): void {
      removeExpired.run(now)
    },
  }
}
