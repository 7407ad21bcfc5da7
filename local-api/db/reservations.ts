import type { Db } from './open.js'

export const RESERVATION_STATUSES = ['confirmed', 'checked_in', 'checked_out', 'cancelled', 'no_show'] as const
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number]

export interface Reservation {
  id: string
  propertyId: string
  confirmationNumber: string
  guestId: string
  firstName: string | null
  lastName: string | null
  phone: string | null
  email: string | null
  language: string | null
  /** Calendar dates, YYYY-MM-DD, in the property's time zone. */
  arrival: string
  departure: string
  room: string | null
  status: ReservationStatus
  createdAt: number
  updatedAt: number
}

interface ReservationRow {
  id: string
  property_id: string
  confirmation_number: string
  guest_id: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  email: string | null
  language: string | null
  arrival: string
  departure: string
  room: string | null
  status: ReservationStatus
  created_at: number
  updated_at: number
}

const toReservation = (row: ReservationRow): Reservation => ({
  id: row.id,
  propertyId: row.property_id,
  confirmationNumber: row.confirmation_number,
  guestId: row.guest_id,
  firstName: row.first_name,
  lastName: row.last_name,
  phone: row.phone,
  email: row.email,
  language: row.language,
  arrival: row.arrival,
  departure: row.departure,
  room: row.room,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

export function reservationsRepository(db: Db) {
  const upsert = db.prepare(`
    INSERT INTO reservations (id, property_id, confirmation_number, guest_id, first_name, last_name, phone, email,
                              language, arrival, departure, room, status, created_at, updated_at)
    VALUES (@id, @propertyId, @confirmationNumber, @guestId, @firstName, @lastName, @phone, @email,
            @language, @arrival, @departure, @room, @status, @createdAt, @updatedAt)
    ON CONFLICT (property_id, confirmation_number) DO UPDATE SET
      guest_id = excluded.guest_id, first_name = excluded.first_name, last_name = excluded.last_name,
      phone = excluded.phone, email = excluded.email, language = excluded.language,
      arrival = excluded.arrival, departure = excluded.departure, room = excluded.room,
      status = excluded.status, updated_at = excluded.updated_at`)
  // Another desk's reservation, by its id (its confirmation number may change: a stand-in while two merge).
  const upsertById = db.prepare(`
    INSERT INTO reservations (id, property_id, confirmation_number, guest_id, first_name, last_name, phone, email,
                              language, arrival, departure, room, status, created_at, updated_at)
    VALUES (@id, @propertyId, @confirmationNumber, @guestId, @firstName, @lastName, @phone, @email,
            @language, @arrival, @departure, @room, @status, @createdAt, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET
      confirmation_number = excluded.confirmation_number, guest_id = excluded.guest_id, first_name = excluded.first_name,
      last_name = excluded.last_name, phone = excluded.phone, email = excluded.email, language = excluded.language,
      arrival = excluded.arrival, departure = excluded.departure, room = excluded.room,
      status = excluded.status, updated_at = excluded.updated_at`)
  const references = [
    'UPDATE leads SET reservation_id = ? WHERE reservation_id = ?',
    'UPDATE guest_sessions SET reservation_id = ? WHERE reservation_id = ?',
  ].map((sql) => db.prepare(sql))
  const remove = db.prepare('DELETE FROM reservations WHERE id = ?')
  const byConfirmation = db.prepare('SELECT * FROM reservations WHERE property_id = ? AND confirmation_number = ?')
  const byId = db.prepare('SELECT * FROM reservations WHERE id = ?')
  const byGuest = db.prepare('SELECT * FROM reservations WHERE guest_id = ? ORDER BY arrival DESC')
  const byContact = {
    phone: db.prepare('SELECT * FROM reservations WHERE phone = ? ORDER BY id'),
    email: db.prepare('SELECT * FROM reservations WHERE email = ? ORDER BY id'),
  }
  const arriving = db.prepare(`
    SELECT * FROM reservations WHERE property_id = ? AND arrival = ? AND status NOT IN ('cancelled', 'no_show') ORDER BY last_name, first_name, rowid`)

  return {
    upsert(reservation: Reservation): void {
      upsert.run(reservation)
    },
    /** Writes a reservation as another desk has it (sync): made if missing, else its fields taken over. */
    fromSync(reservation: Reservation): void {
      upsertById.run(reservation)
    },
    /** Every reference to reservation `fromId` now names `toId`; `fromId` is deleted (two desks made one reservation). */
    mergeInto(fromId: string, toId: string): void {
      for (const statement of references) statement.run(toId, fromId)
      remove.run(fromId)
    },
    byConfirmation(propertyId: string, confirmationNumber: string): Reservation | undefined {
      const row = byConfirmation.get(propertyId, confirmationNumber) as ReservationRow | undefined
      return row && toReservation(row)
    },
    get(id: string): Reservation | undefined {
      const row = byId.get(id) as ReservationRow | undefined
      return row && toReservation(row)
    },
    /** The property's reservations arriving on a day (YYYY-MM-DD), cancelled and no-shows left out. */
    arriving(propertyId: string, day: string): Reservation[] {
      return (arriving.all(propertyId, day) as ReservationRow[]).map(toReservation)
    },
    byGuest(guestId: string): Reservation[] {
      return (byGuest.all(guestId) as ReservationRow[]).map(toReservation)
    },
    /** Every reservation (of any property) that names this normalised phone or email. */
    byContact(kind: 'phone' | 'email', value: string): Reservation[] {
      return (byContact[kind].all(value) as ReservationRow[]).map(toReservation)
    },
  }
}
