import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/** Staff who sign in to the inbox, their sessions, leads captured from conversations, reply authors. */
export const agentsSessionsLeads: Migration = {
  version: 20,
  name: 'agents-sessions-leads',
  up(db) {
    db.exec(`
      CREATE TABLE agents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        email TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('agent', 'admin')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      -- A signed-in browser or desktop window: only the SHA-256 of its cookie is stored.
      CREATE TABLE agent_sessions (
        token_hash TEXT PRIMARY KEY,
        agent_id TEXT NOT NULL REFERENCES agents(id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX agent_sessions_by_agent ON agent_sessions (agent_id);

      CREATE TABLE leads (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL UNIQUE REFERENCES conversations(id),
        guest_id TEXT REFERENCES guests(id),
        status TEXT NOT NULL DEFAULT 'new',
        notes TEXT NOT NULL DEFAULT '',
        created_by_agent_id TEXT REFERENCES agents(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      -- Who wrote an outgoing message from the inbox; NULL for guests and for pushes from local systems.
      ALTER TABLE messages ADD COLUMN sender_agent_id TEXT REFERENCES agents(id);
    `)
  },
}
