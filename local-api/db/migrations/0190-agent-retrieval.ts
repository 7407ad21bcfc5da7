import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * What the AI agent's retrieval needs: a knowledge entry holds more ways guests ask it and
 * its answer in other languages; a conversation records the language its guest writes; a question
 * the agent could not answer with confidence is kept — as a suggested reply for staff (medium
 * confidence) or as a gap in the base (nothing found) — and every use of an entry is counted.
 */
export const agentRetrieval: Migration = {
  version: 190,
  name: 'agent-retrieval',
  up(db) {
    db.exec(`
      ALTER TABLE knowledge_entries ADD COLUMN phrasings TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE knowledge_entries ADD COLUMN answers TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE conversations ADD COLUMN language TEXT;

      -- Retrieval reads the entries themselves now (domain/retrieval), not a full-text index of words.
      DROP TRIGGER knowledge_search_insert;
      DROP TRIGGER knowledge_search_delete;
      DROP TRIGGER knowledge_search_update;
      DROP TABLE knowledge_search;

      -- A reply the agent proposes to staff instead of sending it (one open per conversation).
      CREATE TABLE agent_suggestions (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        message_id TEXT NOT NULL,
        entry_id TEXT NOT NULL,
        text TEXT NOT NULL,
        language TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'sent', 'edited', 'dismissed', 'withdrawn')),
        created_at INTEGER NOT NULL,
        resolved_at INTEGER,
        resolved_by_agent_id TEXT
      ) WITHOUT ROWID;
      CREATE UNIQUE INDEX agent_suggestions_open ON agent_suggestions (conversation_id) WHERE status = 'open';
      CREATE INDEX agent_suggestions_by_entry ON agent_suggestions (entry_id, status);

      -- Each time an entry answered a guest or was offered to staff.
      CREATE TABLE knowledge_uses (
        entry_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('answered', 'suggested', 'sent', 'edited', 'dismissed')),
        conversation_id TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX knowledge_uses_by_entry ON knowledge_uses (entry_id, kind);

      -- Guest questions the base had nothing for: the gaps to fill, newest first.
      CREATE TABLE knowledge_gaps (
        id TEXT PRIMARY KEY,
        property_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        question TEXT NOT NULL,
        language TEXT,
        created_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX knowledge_gaps_by_property ON knowledge_gaps (property_id, created_at);
    `)
  },
}
