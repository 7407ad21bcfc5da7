import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * What the text-call and guest-app dialects need: onsite contacts of channel accounts, outlets
 * (departments), guest session tokens, custom fields and service records, conversation routing
 * (outlet, order, queue, assignee), and attachments stored in the data dir.
 */
export const sourcesAndServiceRecords: Migration = {
  version: 30,
  name: 'sources-and-service-records',
  up(db) {
    db.exec(`
      -- A contact known to a channel account ("onsite account"), with the account's serial number
      -- when it has one; guest_id is its guest profile (the text-call dialect's contact_id).
      CREATE TABLE onsite_contacts (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        channel_account_id TEXT NOT NULL REFERENCES channel_accounts(id),
        sn TEXT,
        guest_id TEXT REFERENCES guests(id),
        identity_rowid INTEGER NOT NULL UNIQUE REFERENCES guest_identities(rowid),
        created_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX onsite_contacts_by_sn ON onsite_contacts (channel_account_id, sn) WHERE sn IS NOT NULL;
      CREATE UNIQUE INDEX onsite_contacts_by_guest ON onsite_contacts (channel_account_id, guest_id) WHERE guest_id IS NOT NULL;

      -- A department of a property guests write to from the guest app: Front desk, Restaurant, Spa…
      CREATE TABLE outlets (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        property_id TEXT NOT NULL REFERENCES properties(id),
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        available INTEGER NOT NULL DEFAULT 1 CHECK (available IN (0, 1)),
        position INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (property_id, code)
      );

      -- A guest-app session issued for a reservation; only the token's SHA-256 is kept.
      CREATE TABLE guest_sessions (
        token_hash TEXT PRIMARY KEY,
        reservation_id TEXT NOT NULL REFERENCES reservations(id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- Fields a property adds to a conversation's service record.
      CREATE TABLE custom_fields (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        property_id TEXT NOT NULL REFERENCES properties(id),
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (property_id, name)
      );

      -- A conversation's service record: a memo and custom-field values ({ fieldId: value }).
      CREATE TABLE service_records (
        conversation_id TEXT PRIMARY KEY REFERENCES conversations(id),
        memo TEXT NOT NULL DEFAULT '',
        field_values TEXT NOT NULL DEFAULT '{}',
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      ALTER TABLE conversations ADD COLUMN outlet_id TEXT REFERENCES outlets(id);
      ALTER TABLE conversations ADD COLUMN order_code TEXT;
      ALTER TABLE conversations ADD COLUMN assigned_agent_id TEXT REFERENCES agents(id);
      -- queued: waiting in the transfer queue; manual: left for an agent to pick up; NULL: neither.
      ALTER TABLE conversations ADD COLUMN queue_state TEXT CHECK (queue_state IN ('queued', 'manual'));
      CREATE INDEX conversations_by_outlet_activity ON conversations (outlet_id, last_message_at, id) WHERE outlet_id IS NOT NULL;

      -- Files uploaded to the desk; the bytes live in the data dir's attachments/ folder.
      CREATE TABLE attachments (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `)
  },
}
