import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * Parked sync ops: another desk's op this desk could not apply (its projector failed on it, e.g. a
 * CHECK constraint) is kept here with the reason and time instead of failing its page on every
 * round; the desk goes on with the rest. An admin retries them (after an upgrade) from Settings ›
 * Sync or `POST /v1/sync/parked/retry`. Ops that only wait for what they refer to stay in
 * `sync_pending`, retried by themselves.
 */
export const parkedSyncOps: Migration = {
  version: 130,
  name: 'parked-sync-ops',
  up(db) {
    db.exec(`
      CREATE TABLE sync_parked_ops (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        op_id TEXT NOT NULL UNIQUE,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (json_valid(op)),
        reason TEXT NOT NULL,
        parked_at INTEGER NOT NULL
      );
    `)
  },
}
