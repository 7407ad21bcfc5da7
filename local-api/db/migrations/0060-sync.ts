import { randomBytes } from 'node:crypto'
import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * Sync with a central server: every local change carries a hybrid-logical-clock timestamp; changes
 * applied from other desks are marked with their origin (and never sent back); the outbox of ops
 * waiting for acknowledgement; a cursor per space; each synced entity's merged fields with the
 * clock of the write behind each; aliases left by merges; ops this version cannot apply yet.
 */
export const sync: Migration = {
  version: 60,
  name: 'sync',
  up(db) {
    db.exec(`
      ALTER TABLE change_log ADD COLUMN hlc TEXT;
      -- NULL: made on this desk. Otherwise the desk whose op this applies.
      ALTER TABLE change_log ADD COLUMN origin TEXT;

      CREATE TABLE sync_config (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        client_id TEXT NOT NULL,
        central_url TEXT,
        credential TEXT,
        device_id TEXT,
        property_id TEXT,
        -- The change_log seq up to which local changes have become ops in sync_outbox.
        materialized_through INTEGER NOT NULL DEFAULT 0,
        next_client_seq INTEGER NOT NULL DEFAULT 1,
        acked_seq INTEGER NOT NULL DEFAULT 0,
        -- The latest clock timestamp seen from elsewhere (the local ones are in change_log).
        hlc TEXT,
        last_sync_at INTEGER,
        last_error TEXT
      );

      CREATE TABLE sync_outbox (client_seq INTEGER PRIMARY KEY, op TEXT NOT NULL);
      CREATE TABLE sync_cursors (space TEXT PRIMARY KEY, server_seq INTEGER NOT NULL);
      CREATE TABLE sync_entities (
        entity TEXT NOT NULL, entity_id TEXT NOT NULL, fields TEXT NOT NULL, clocks TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id)
      ) WITHOUT ROWID;
      CREATE TABLE sync_aliases (
        entity TEXT NOT NULL, source_id TEXT NOT NULL, target_id TEXT NOT NULL,
        PRIMARY KEY (entity, source_id)
      ) WITHOUT ROWID;
      -- Ops that cannot apply yet: from a newer schema, or waiting for what they refer to.
      CREATE TABLE sync_pending (op_id TEXT PRIMARY KEY, op TEXT NOT NULL, reason TEXT NOT NULL, since INTEGER NOT NULL);
    `)
    db.prepare('INSERT INTO sync_config (id, client_id) VALUES (1, ?)').run(randomBytes(8).toString('hex'))
  },
}
