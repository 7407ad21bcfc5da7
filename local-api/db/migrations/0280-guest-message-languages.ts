import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * The language each guest message is written in, detected offline once in the background (guest
 * insight reads it; null: not told, e.g. "ok" or a phone number). The conversation's own language
 * (conversations.language) is its guest's latest told one; the list filters by it.
 */
export const guestMessageLanguages: Migration = {
  version: 280,
  name: 'guest-message-languages',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN language TEXT;
      -- The list's guest-language filter, and which languages the desk's guests write (one probe each).
      CREATE INDEX conversations_by_language ON conversations (language, property_id) WHERE language IS NOT NULL;
    `)
  },
}
