import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * A desk's working day: each conversation is open, snoozed (until a time, or until the guest writes:
 * snoozed_until null) or resolved; existing conversations are open. waiting_since is the time of the
 * earliest guest message nobody has answered yet (null when nobody waits), derived from the messages
 * (see domain/conversation-state.ts) and kept on write; existing conversations get theirs here, each
 * from its messages since its latest answer. Partial indexes serve the inbox's views and their counts.
 */
export const conversationStates: Migration = {
  version: 210,
  name: 'conversation-states',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'snoozed', 'resolved'));
      ALTER TABLE conversations ADD COLUMN snoozed_until INTEGER;
      ALTER TABLE conversations ADD COLUMN waiting_since INTEGER;

      UPDATE conversations SET waiting_since = (
        SELECT m.created_at FROM messages m
        WHERE m.conversation_id = conversations.id AND m.direction = 'in' AND m.created_at > coalesce((
          SELECT a.created_at FROM messages a
          WHERE a.conversation_id = conversations.id AND a.direction = 'out'
            -- Any reply answers but the AI agent's handover notice (a bot message naming no tools).
            AND NOT (a.author IS 'bot' AND coalesce(json_array_length(a.meta, '$.tools'), 0) = 0)
          ORDER BY a.created_at DESC LIMIT 1), -1)
        ORDER BY m.created_at LIMIT 1)
      WHERE last_guest_message_at IS NOT NULL;

      -- Needs reply: open and a guest waiting, oldest waiting first.
      CREATE INDEX conversations_needs_reply ON conversations (waiting_since, id) WHERE state = 'open' AND waiting_since IS NOT NULL;
      -- Open: a property's by activity, and their count.
      CREATE INDEX conversations_open ON conversations (property_id, last_message_at, id) WHERE state = 'open';
      -- Snoozed: the next snooze to end (the desk's timer), and their count.
      CREATE INDEX conversations_snoozed ON conversations (snoozed_until) WHERE state = 'snoozed';
    `)
  },
}
