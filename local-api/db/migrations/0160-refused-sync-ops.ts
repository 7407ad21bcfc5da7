import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * This desk's own ops the central server refused (the push answers them as `rejected`): kept here
 * with the reason and time, so a change the other desks never get is listed until an admin sends it
 * again (after an upgrade of the central server) instead of passing as a moment's last error.
 *
 * Also what a desk needs to word a new client id honestly: a store that synced before desks kept
 * a machine fingerprint (0140) may have been copied then, and such a copy cannot be told from a
 * backup; `untracked_copies` marks it, and `identity_change` gains the value that says either.
 */
export const refusedSyncOps: Migration = {
  version: 160,
  name: 'refused-sync-ops',
  up(db) {
    db.exec(`
      CREATE TABLE sync_refused_ops (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        op_id TEXT NOT NULL UNIQUE,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (json_valid(op)),
        reason TEXT NOT NULL,
        refused_at INTEGER NOT NULL
      );

      ALTER TABLE sync_config ADD COLUMN untracked_copies INTEGER NOT NULL DEFAULT 0 CHECK (untracked_copies IN (0, 1));

      -- A column's CHECK cannot change in place: a new column with the wider one takes its values and name.
      ALTER TABLE sync_config ADD COLUMN identity_change_new TEXT
        CHECK (identity_change_new IN ('restored', 'cloned', 'restored-or-cloned'));
      UPDATE sync_config SET identity_change_new = identity_change;
      ALTER TABLE sync_config DROP COLUMN identity_change;
      ALTER TABLE sync_config RENAME COLUMN identity_change_new TO identity_change;
    `)
  },
}
