import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * Failed sign-ins per account (the normalised email, so unknown emails are throttled the same way
 * as real ones), kept in the store so a restart does not lift a lockout; and when each API token
 * was last used, for the list admins revoke tokens from.
 */
export const signInThrottling: Migration = {
  version: 100,
  name: 'sign-in-throttling',
  up(db) {
    db.exec(`
      -- One row per email with recent failed sign-ins. failures counts those since window_start;
      -- locked_until (ms) is set once too many failed within the window. A success deletes the row.
      CREATE TABLE sign_in_failures (
        email TEXT PRIMARY KEY,
        failures INTEGER NOT NULL CHECK (failures >= 0),
        window_start INTEGER NOT NULL,
        last_failure_at INTEGER NOT NULL,
        locked_until INTEGER
      ) WITHOUT ROWID;
      CREATE INDEX sign_in_failures_by_last_failure ON sign_in_failures (last_failure_at);

      -- Updated at most once a minute per token, not on every request.
      ALTER TABLE api_tokens ADD COLUMN last_used_at INTEGER;
    `)
  },
}
