import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * The inbox's "unread only" filter: the few conversations with unread messages, by activity, read
 * from their own partial index rather than found by walking every conversation's.
 */
export const statesUnreadIndex: Migration = {
  version: 240,
  name: 'states-unread-index',
  up(db) {
    db.exec(`CREATE INDEX conversations_unread ON conversations (last_message_at, id) WHERE unread_count > 0;`)
  },
}
