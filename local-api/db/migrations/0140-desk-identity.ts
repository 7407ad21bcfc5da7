import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * What a desk needs to notice that it is not where it was: the highest client sequence it has ever
 * sent (the central server acknowledging more means another copy pushed under its id, or this one
 * was restored from a backup), the machine it runs on (a fingerprint of the computer and the data
 * dir's path), and the last time it took a new client id, and why.
 */
export const deskIdentity: Migration = {
  version: 140,
  name: 'desk-identity',
  up(db) {
    db.exec(`
      ALTER TABLE sync_config ADD COLUMN pushed_seq INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sync_config ADD COLUMN machine TEXT;
      ALTER TABLE sync_config ADD COLUMN identity_change TEXT CHECK (identity_change IN ('restored', 'cloned'));
      ALTER TABLE sync_config ADD COLUMN identity_changed_at INTEGER;
      -- Anything made into an op so far may have been sent.
      UPDATE sync_config SET pushed_seq = next_client_seq - 1;
    `)
  },
}
