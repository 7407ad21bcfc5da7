import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * Every property without an outlet gets the default one ("Front desk"), so the guest app's
 * conversations work there without set-up. Its id follows from the property's, as new properties'
 * (domain/default-outlet.ts; a migration imports nothing of the app, so its words are here too).
 */
export const settingsDefaultOutlets: Migration = {
  version: 250,
  name: 'settings-default-outlets',
  up(db) {
    db.prepare(
      `INSERT INTO outlets (id, property_id, code, name, available, position, created_at)
       SELECT 'out_' || (CASE WHEN substr(p.id, 1, 5) = 'prop_' THEN substr(p.id, 6) ELSE p.id END), p.id, @code, @name, 1, 1,
              CAST(unixepoch('subsec') * 1000 AS INTEGER)
       FROM properties p
       WHERE NOT EXISTS (SELECT 1 FROM outlets o WHERE o.property_id = p.id)`,
    ).run({ code: 'front-desk', name: 'Front desk' })
  },
}
