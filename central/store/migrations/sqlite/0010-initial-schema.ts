import type { Migration } from '../../../../sync-core/migrations/sqlite-migration.js'

/**
 * The central store's tables as first shipped (the store created them itself before numbered
 * migrations, so a file made then holds exactly these): devices and their credentials, each
 * client's acknowledged sequence, each space's sequence and pruning floor, the ops of every space,
 * the ops refused, and the merged state of every entity (for snapshots).
 */
export const initialSchema: Migration = {
  version: 10,
  name: 'initial-schema',
  up(db) {
    db.exec(`
      CREATE TABLE devices (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, property_id TEXT NOT NULL, credential_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL, revoked_at INTEGER
      );
      CREATE TABLE clients (client_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, acked_seq INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE spaces (space TEXT PRIMARY KEY, last_seq INTEGER NOT NULL DEFAULT 0, floor INTEGER NOT NULL DEFAULT 1);
      CREATE TABLE ops (
        space TEXT NOT NULL, server_seq INTEGER NOT NULL, op_id TEXT NOT NULL UNIQUE, client_id TEXT NOT NULL,
        client_seq INTEGER NOT NULL, op TEXT NOT NULL, received_at INTEGER NOT NULL, PRIMARY KEY (space, server_seq)
      ) WITHOUT ROWID;
      CREATE INDEX ops_by_time ON ops (space, received_at);
      CREATE TABLE rejected_ops (op_id TEXT PRIMARY KEY, client_id TEXT NOT NULL, client_seq INTEGER NOT NULL, reason TEXT NOT NULL, op TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE TABLE state (
        space TEXT NOT NULL, rank INTEGER NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
        fields TEXT NOT NULL, clocks TEXT NOT NULL, server_seq INTEGER NOT NULL, PRIMARY KEY (space, rank, entity_id, entity)
      ) WITHOUT ROWID;
    `)
  },
}
