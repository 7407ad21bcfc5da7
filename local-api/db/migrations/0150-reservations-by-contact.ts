import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * The reservations that name a phone or email: a verified contact is one guest's, so linking looks
 * up every profile whose reservations name it (services/guest-linking.ts), on every push and sync.
 */
export const reservationsByContact: Migration = {
  version: 150,
  name: 'reservations-by-contact',
  up(db) {
    db.exec(`
      CREATE INDEX reservations_by_phone ON reservations (phone) WHERE phone IS NOT NULL;
      CREATE INDEX reservations_by_email ON reservations (email) WHERE email IS NOT NULL;
    `)
  },
}
