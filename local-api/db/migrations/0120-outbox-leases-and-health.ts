import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * Outbox leases: a delivery attempt claims its reply (who, until when) in a transaction before it
 * sends, so two processes that ever share a store never send one reply twice; a lease that ran out
 * (its process died mid-send) can be claimed again. Two partial indexes let `/v1/health` find a
 * stuck outbox (the oldest queued reply, recent failures) without a scan.
 */
export const outboxLeasesAndHealth: Migration = {
  version: 120,
  name: 'outbox-leases-and-health',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
      ALTER TABLE outbox ADD COLUMN lease_until INTEGER;
      CREATE INDEX outbox_queued_by_age ON outbox (created_at) WHERE state = 'queued';
      CREATE INDEX outbox_failed_by_time ON outbox (updated_at) WHERE state = 'failed';
    `)
  },
}
