import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * Knowledge entries embedded by a property's embeddings endpoint (optional semantic retrieval): one
 * vector per entry, of its question and phrasings, kept with what it was made from so an edited
 * entry, or another model, is embedded again and nothing else is.
 */
export const knowledgeEmbeddings: Migration = {
  version: 200,
  name: 'knowledge-embeddings',
  up(db) {
    db.exec(`
      CREATE TABLE knowledge_embeddings (
        entry_id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        vector BLOB NOT NULL
      ) WITHOUT ROWID;
    `)
  },
}
