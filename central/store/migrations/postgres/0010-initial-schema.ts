import type { PostgresMigration } from '../../postgres-migration.js'

/**
 * The central store's tables as first shipped (the store created them itself before numbered
 * migrations, so a database made then holds exactly these): devices and their credentials, each
 * client's acknowledged sequence, each space's sequence and pruning floor, the ops of every space,
 * the ops refused, and the merged state of every entity (for snapshots). Ops and states are JSON,
 * not JSONB: kept as sent, so a message reaches every desk byte for byte.
 */
export const initialSchema: PostgresMigration = {
  version: 10,
  name: 'initial-schema',
  async up(client) {
    await client.query(`
      CREATE TABLE devices (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, property_id TEXT NOT NULL, credential_hash TEXT NOT NULL UNIQUE,
        created_at BIGINT NOT NULL, revoked_at BIGINT
      );
      CREATE TABLE clients (client_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, acked_seq BIGINT NOT NULL, updated_at BIGINT NOT NULL);
      CREATE TABLE spaces (space TEXT PRIMARY KEY, last_seq BIGINT NOT NULL DEFAULT 0, floor BIGINT NOT NULL DEFAULT 1);
      CREATE TABLE ops (
        space TEXT NOT NULL, server_seq BIGINT NOT NULL, op_id TEXT NOT NULL UNIQUE, client_id TEXT NOT NULL,
        client_seq BIGINT NOT NULL, op JSON NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (space, server_seq)
      );
      CREATE INDEX ops_by_time ON ops (space, received_at);
      CREATE TABLE rejected_ops (op_id TEXT PRIMARY KEY, client_id TEXT NOT NULL, client_seq BIGINT NOT NULL, reason TEXT NOT NULL, op JSON NOT NULL, at BIGINT NOT NULL);
      CREATE TABLE state (
        space TEXT NOT NULL, rank INTEGER NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
        fields JSON NOT NULL, clocks JSON NOT NULL, server_seq BIGINT NOT NULL, PRIMARY KEY (space, rank, entity_id, entity)
      );
    `)
  },
}
