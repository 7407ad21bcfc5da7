import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * The open and resolved views, newest activity first, each on its own partial index by activity
 * (whatever the property), so a list of either view reads its page without walking the other
 * state's conversations: on a desk after a year, most are resolved and few are open; on a fresh
 * one, the other way round. They also bound the views' counts (db/conversations.ts).
 */
export const conversationViewsByActivity: Migration = {
  version: 220,
  name: 'conversation-views-by-activity',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS conversations_open;
      CREATE INDEX conversations_open ON conversations (last_message_at, id) WHERE state = 'open';
      CREATE INDEX conversations_resolved ON conversations (last_message_at, id) WHERE state = 'resolved';
    `)
  },
}
