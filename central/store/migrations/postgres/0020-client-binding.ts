import type { PostgresMigration } from '../../postgres-migration.js'

/**
 * Each sync client id belongs to one device credential: `bound_at` is when it was bound to
 * `device_id`. Rows from before only name the device that pushed last (maybe one that borrowed the
 * id): they stay unbound (NULL) and are bound to the first device that says hello or pushes after
 * the upgrade.
 */
export const clientBinding: PostgresMigration = {
  version: 20,
  name: 'client-binding',
  async up(client) {
    await client.query('ALTER TABLE clients ADD COLUMN bound_at BIGINT')
  },
}
