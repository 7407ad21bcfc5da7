import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * The AI agent and human takeover, the knowledge base it answers from, quick-reply templates,
 * notifications, lead pipeline, settings, and the durable outbox for outbound replies.
 */
export const agentTemplatesDelivery: Migration = {
  version: 40,
  name: 'agent-templates-delivery',
  up(db) {
    db.exec(`
      -- ai: the AI agent answers guest messages; human: it is silent and staff answer.
      ALTER TABLE conversations ADD COLUMN mode TEXT NOT NULL DEFAULT 'ai' CHECK (mode IN ('ai', 'human'));
      CREATE INDEX conversations_by_assignee_activity ON conversations (assigned_agent_id, last_message_at, id) WHERE assigned_agent_id IS NOT NULL;

      -- Who wrote an outgoing message: NULL (a person or a local system) or 'bot' (the AI agent);
      -- meta: the AI agent's tools and reply latency, delivery details.
      ALTER TABLE messages ADD COLUMN author TEXT CHECK (author IN ('bot'));
      ALTER TABLE messages ADD COLUMN meta TEXT;

      -- What happened to a conversation besides its messages: takeovers, assignments, lead changes.
      CREATE TABLE conversation_events (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        type TEXT NOT NULL,
        agent_id TEXT REFERENCES agents(id),
        data TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL
      );
      CREATE INDEX conversation_events_by_conversation ON conversation_events (conversation_id, created_at);

      -- The property's knowledge base the AI agent retrieves answers from (RAG over FTS5).
      CREATE TABLE knowledge_entries (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        property_id TEXT NOT NULL REFERENCES properties(id),
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'en',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE VIRTUAL TABLE knowledge_search USING fts5 (question, answer, tags, content = 'knowledge_entries', content_rowid = 'rowid', tokenize = 'porter unicode61 remove_diacritics 2');
      CREATE TRIGGER knowledge_search_insert AFTER INSERT ON knowledge_entries BEGIN
        INSERT INTO knowledge_search (rowid, question, answer, tags) VALUES (new.rowid, new.question, new.answer, new.tags);
      END;
      CREATE TRIGGER knowledge_search_delete AFTER DELETE ON knowledge_entries BEGIN
        INSERT INTO knowledge_search (knowledge_search, rowid, question, answer, tags) VALUES ('delete', old.rowid, old.question, old.answer, old.tags);
      END;
      CREATE TRIGGER knowledge_search_update AFTER UPDATE ON knowledge_entries BEGIN
        INSERT INTO knowledge_search (knowledge_search, rowid, question, answer, tags) VALUES ('delete', old.rowid, old.question, old.answer, old.tags);
        INSERT INTO knowledge_search (rowid, question, answer, tags) VALUES (new.rowid, new.question, new.answer, new.tags);
      END;

      -- Quick replies. WhatsApp templates carry the approval Meta gave them.
      CREATE TABLE templates (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        property_id TEXT NOT NULL REFERENCES properties(id),
        name TEXT NOT NULL,
        shortcut TEXT NOT NULL,
        body TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'en',
        channel TEXT,
        approval TEXT CHECK (approval IN ('pending', 'approved', 'rejected')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (property_id, shortcut)
      );

      -- The in-app notification centre, per agent.
      CREATE TABLE notifications (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        agent_id TEXT NOT NULL REFERENCES agents(id),
        kind TEXT NOT NULL,
        conversation_id TEXT REFERENCES conversations(id),
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        read_at INTEGER
      );
      CREATE INDEX notifications_by_agent ON notifications (agent_id, created_at);

      ALTER TABLE leads ADD COLUMN reservation_id TEXT REFERENCES reservations(id);
      CREATE INDEX leads_by_guest ON leads (guest_id) WHERE guest_id IS NOT NULL;

      -- Desk-wide settings (the LLM provider, the round-robin pointer): a key and a JSON value.
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Where a channel account's outbound replies go, and the secret their signature uses.
      ALTER TABLE channel_accounts ADD COLUMN webhook_url TEXT;
      ALTER TABLE channel_accounts ADD COLUMN webhook_secret TEXT;

      -- Replies waiting to reach their channel: written with the reply, retried until delivered.
      CREATE TABLE outbox (
        rowid INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL UNIQUE REFERENCES messages(id),
        channel_account_id TEXT NOT NULL REFERENCES channel_accounts(id),
        state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'queued';
    `)
  },
}
