import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * Internal notes, and who wrote the list's last message.
 *
 * A note is a message like any other (one write path, one table, synced as a message), marked
 * `internal = 1`: staff wrote it for staff. The mark is explicit rather than a new direction or author
 * kind so that every reader that must not see notes says so (`internal = 0`): the guest's channel
 * (outbox, webhooks), the dialects and API tokens, exports, statistics, the AI agent, whether a guest
 * waits, the list's summary, message-text search. `mentions` holds the JSON array of agent ids a note
 * names (null otherwise).
 *
 * The list shows who wrote its last message ("You:", "Anna:", "AI:"): the conversation keeps that
 * message's staff author (`last_message_agent_id`) and whether the AI agent wrote it
 * (`last_message_author` 'bot'), set by the same summary update as its preview; existing
 * conversations take them from their latest outbound message.
 */
export const notesInternalMessages: Migration = {
  version: 230,
  name: 'notes-internal-messages',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1));
      ALTER TABLE messages ADD COLUMN mentions TEXT;

      ALTER TABLE conversations ADD COLUMN last_message_agent_id TEXT;
      ALTER TABLE conversations ADD COLUMN last_message_author TEXT CHECK (last_message_author IN ('bot'));
      UPDATE conversations SET (last_message_agent_id, last_message_author) = (
        SELECT m.sender_agent_id, m.author FROM messages m
        WHERE m.conversation_id = conversations.id AND m.direction = 'out'
        ORDER BY m.created_at DESC, m.rowid DESC LIMIT 1)
      WHERE last_message_direction = 'out';
    `)
  },
}
