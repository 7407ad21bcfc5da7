import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * Guest insight: what each conversation is about (type, persona, intent, dates of interest,
 * contact data the guest wrote), derived on every guest message; contacts found in text are
 * unverified identities.
 */
export const insight: Migration = {
  version: 50,
  name: 'insight',
  up(db) {
    db.exec(`
      -- booking | lead | faq | mixed (NULL: nothing to tell yet); the persona tag; the full insight as JSON.
      ALTER TABLE conversations ADD COLUMN kind TEXT CHECK (kind IN ('booking', 'lead', 'faq', 'mixed'));
      ALTER TABLE conversations ADD COLUMN persona TEXT;
      ALTER TABLE conversations ADD COLUMN insight TEXT;
      CREATE INDEX conversations_by_kind_activity ON conversations (kind, last_message_at, id) WHERE kind IS NOT NULL;

      -- 1: the guest gave it to a system (a push, a reservation); 0: found in what they wrote.
      ALTER TABLE guest_identities ADD COLUMN verified INTEGER NOT NULL DEFAULT 1 CHECK (verified IN (0, 1));

      -- Arrivals by day.
      CREATE INDEX reservations_by_arrival ON reservations (property_id, arrival);
    `)
  },
}
