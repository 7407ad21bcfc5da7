import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

export const initialSchema: Migration = {
  version: 10,
  name: 'initial-schema',
  up(db) {
    db.exec(`
      CREATE TABLE properties (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        default_country TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE channel_accounts (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        property_id TEXT NOT NULL REFERENCES properties(id),
        channel TEXT NOT NULL,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (property_id, code)
      );

      -- A guest profile: made from a reservation (or, later, by staff); owns many identities.
      CREATE TABLE guests (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        first_name TEXT,
        last_name TEXT,
        language TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      -- What a guest writes from: a phone number (E.164) or email address, or an identity a source
      -- issues (an onsite contact of a channel account, a guest-app thread). It exists before any
      -- profile does; guest_id is set when a reservation (or anything later) links it to a profile.
      CREATE TABLE guest_identities (
        rowid INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('phone', 'email', 'onsite_contact', 'guest_app')),
        value TEXT NOT NULL,
        guest_id TEXT REFERENCES guests(id),
        created_at INTEGER NOT NULL,
        UNIQUE (kind, value)
      );
      CREATE INDEX guest_identities_by_guest ON guest_identities (guest_id) WHERE guest_id IS NOT NULL;

      CREATE TABLE conversations (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        property_id TEXT NOT NULL REFERENCES properties(id),
        channel TEXT NOT NULL,
        channel_account_id TEXT REFERENCES channel_accounts(id),
        identity_rowid INTEGER REFERENCES guest_identities(rowid),
        guest_id TEXT REFERENCES guests(id),
        created_at INTEGER NOT NULL,
        last_message_at INTEGER NOT NULL,
        last_message_preview TEXT NOT NULL DEFAULT '',
        last_message_direction TEXT,
        last_guest_message_at INTEGER,
        unread_count INTEGER NOT NULL DEFAULT 0,
        message_count INTEGER NOT NULL DEFAULT 0
      );
      CREATE UNIQUE INDEX conversations_by_identity ON conversations (identity_rowid, property_id, channel);
      CREATE INDEX conversations_by_activity ON conversations (last_message_at, id);
      CREATE INDEX conversations_by_property_activity ON conversations (property_id, last_message_at, id);
      CREATE INDEX conversations_by_channel_activity ON conversations (channel, last_message_at, id);
      CREATE INDEX conversations_by_guest ON conversations (guest_id) WHERE guest_id IS NOT NULL;

      -- What the conversation list's text query looks in: the guest's name and identities.
      CREATE VIRTUAL TABLE conversation_search USING fts5 (guest_text, tokenize = 'trigram');

      CREATE TABLE messages (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        external_id TEXT UNIQUE,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        content_type TEXT NOT NULL,
        content TEXT NOT NULL,
        text TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        received_at INTEGER NOT NULL
      );
      CREATE INDEX messages_by_conversation_time ON messages (conversation_id, created_at, rowid);

      CREATE VIRTUAL TABLE message_search USING fts5 (text, content = 'messages', content_rowid = 'rowid');
      CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN
        INSERT INTO message_search (rowid, text) VALUES (new.rowid, new.text);
      END;
      CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN
        INSERT INTO message_search (message_search, rowid, text) VALUES ('delete', old.rowid, old.text);
      END;

      CREATE TABLE reservations (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        property_id TEXT NOT NULL REFERENCES properties(id),
        confirmation_number TEXT NOT NULL,
        guest_id TEXT NOT NULL REFERENCES guests(id),
        first_name TEXT,
        last_name TEXT,
        phone TEXT,
        email TEXT,
        language TEXT,
        arrival TEXT NOT NULL,
        departure TEXT NOT NULL,
        room TEXT,
        status TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (property_id, confirmation_number)
      );
      CREATE INDEX reservations_by_guest ON reservations (guest_id);

      CREATE TABLE api_tokens (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        scopes TEXT NOT NULL,
        property_id TEXT REFERENCES properties(id),
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );

      -- Every change to synced data, appended in the same transaction as the change itself.
      -- fields: the changed values as JSON, or NULL when the entity's own row is the payload
      -- (messages never change; conversation summaries are derived from messages).
      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update')),
        fields TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE TRIGGER change_log_is_append_only_update BEFORE UPDATE ON change_log BEGIN
        SELECT RAISE(ABORT, 'change_log is append-only');
      END;
      CREATE TRIGGER change_log_is_append_only_delete BEFORE DELETE ON change_log BEGIN
        SELECT RAISE(ABORT, 'change_log is append-only');
      END;
    `)
  },
}
