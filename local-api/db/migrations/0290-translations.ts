import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * Translations the property's provider made, kept so that no text is ever sent to be translated
 * twice: by a hash of the text and its language, and the language it was translated into.
 */
export const translations: Migration = {
  version: 290,
  name: 'translations',
  up(db) {
    db.exec(`
      CREATE TABLE translations (
        source_hash TEXT NOT NULL,
        target TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (source_hash, target)
      ) WITHOUT ROWID;
    `)
  },
}
