import type { Migration } from '../../../../sync-core/migrations/sqlite-migration.js'

/**
 * Each sync client id belongs to one device credential: `bound_at` is when it was bound to
 * `device_id`. Rows from before only name the device that pushed last (maybe one that borrowed the
 * id): they stay unbound (NULL) and are bound to the first device that says hello or pushes after
 * the upgrade.
 */
export const clientBinding: Migration = {
  version: 20,
  name: 'client-binding',
  up(db) {
    db.exec('ALTER TABLE clients ADD COLUMN bound_at INTEGER')
  },
}
