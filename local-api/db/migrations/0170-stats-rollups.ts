import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * Statistics from rollups (domain/stats-rollup.ts): what each conversation did per day of its
 * property, and the counters a period sums.
 *
 * Triggers note every change a statistic reads in `stats_dirty`, whichever path wrote it (a push,
 * staff, a replicated op, a merge); the store brings the rollups up to date from there before its
 * transaction commits. Existing conversations are counted by a build that runs in the background in
 * short chunks after start-up and resumes where it stopped (`stats_builds`); a property's time zone
 * changing rebuilds its days the same way.
 */
export const statsRollups: Migration = {
  version: 170,
  name: 'stats-rollups',
  up(db) {
    db.exec(`
      -- What one conversation did on one day of its property (only days with something).
      CREATE TABLE stats_conversation_days (
        conversation_id TEXT NOT NULL,
        day INTEGER NOT NULL,
        guest INTEGER NOT NULL,
        session INTEGER NOT NULL,
        fast INTEGER NOT NULL,
        rag INTEGER NOT NULL,
        transfers INTEGER NOT NULL,
        PRIMARY KEY (conversation_id, day)
      ) WITHOUT ROWID;

      -- What a conversation's counter rows were made from, besides its days.
      CREATE TABLE stats_conversations (
        conversation_id TEXT PRIMARY KEY,
        property_id TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        has_contact INTEGER NOT NULL,
        lead_day INTEGER,
        lead_converted INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- The counters: a period [a, b] of a property sums n over its rows with a <= day <= b,
      -- prev_day < a, prev_transfer_day < a and next_transfer_day > b.
      CREATE TABLE stats_counters (
        property_id TEXT NOT NULL,
        day INTEGER NOT NULL,
        metric TEXT NOT NULL,
        prev_day INTEGER NOT NULL,
        prev_transfer_day INTEGER NOT NULL,
        next_transfer_day INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (property_id, day, metric, prev_day, prev_transfer_day, next_transfer_day)
      ) WITHOUT ROWID;

      -- Conversations whose statistics a change may have moved: from..to, the times it touched (NULL: no day, only the conversation's facts).
      CREATE TABLE stats_dirty (conversation_id TEXT NOT NULL, from_ms INTEGER, to_ms INTEGER);

      -- Properties whose conversations are being counted from scratch: those with rowid <= after_rowid are done.
      CREATE TABLE stats_builds (
        property_id TEXT PRIMARY KEY,
        after_rowid INTEGER NOT NULL,
        done INTEGER NOT NULL,
        total INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TRIGGER stats_message_inserted AFTER INSERT ON messages BEGIN
        INSERT INTO stats_dirty VALUES (new.conversation_id, new.created_at, new.created_at);
      END;
      CREATE TRIGGER stats_message_deleted AFTER DELETE ON messages BEGIN
        INSERT INTO stats_dirty VALUES (old.conversation_id, old.created_at, old.created_at);
      END;
      CREATE TRIGGER stats_message_changed AFTER UPDATE OF conversation_id, created_at, direction, author, meta ON messages BEGIN
        INSERT INTO stats_dirty VALUES (old.conversation_id, old.created_at, old.created_at);
        INSERT INTO stats_dirty VALUES (new.conversation_id, new.created_at, new.created_at);
      END;

      CREATE TRIGGER stats_event_inserted AFTER INSERT ON conversation_events WHEN new.type IN ('mode_changed', 'handover') BEGIN
        INSERT INTO stats_dirty VALUES (new.conversation_id, new.created_at, new.created_at);
      END;
      CREATE TRIGGER stats_event_deleted AFTER DELETE ON conversation_events WHEN old.type IN ('mode_changed', 'handover') BEGIN
        INSERT INTO stats_dirty VALUES (old.conversation_id, old.created_at, old.created_at);
      END;
      CREATE TRIGGER stats_event_changed AFTER UPDATE OF conversation_id, type, data, created_at ON conversation_events BEGIN
        INSERT INTO stats_dirty VALUES (old.conversation_id, old.created_at, old.created_at);
        INSERT INTO stats_dirty VALUES (new.conversation_id, new.created_at, new.created_at);
      END;

      CREATE TRIGGER stats_lead_inserted AFTER INSERT ON leads BEGIN
        INSERT INTO stats_dirty VALUES (new.conversation_id, NULL, NULL);
      END;
      CREATE TRIGGER stats_lead_deleted AFTER DELETE ON leads BEGIN
        INSERT INTO stats_dirty VALUES (old.conversation_id, NULL, NULL);
      END;
      CREATE TRIGGER stats_lead_changed AFTER UPDATE OF conversation_id, status, reservation_id, created_at ON leads BEGIN
        INSERT INTO stats_dirty VALUES (old.conversation_id, NULL, NULL);
        INSERT INTO stats_dirty VALUES (new.conversation_id, NULL, NULL);
      END;

      CREATE TRIGGER stats_conversation_changed AFTER UPDATE OF property_id, identity_rowid, guest_id ON conversations BEGIN
        INSERT INTO stats_dirty VALUES (new.id, NULL, NULL);
      END;
      CREATE TRIGGER stats_conversation_deleted AFTER DELETE ON conversations BEGIN
        INSERT INTO stats_dirty VALUES (old.id, NULL, NULL);
      END;

      -- A guest's email address or phone number makes their conversations' guest messages captured leads.
      CREATE TRIGGER stats_contact_inserted AFTER INSERT ON guest_identities WHEN new.kind IN ('phone', 'email') BEGIN
        INSERT INTO stats_dirty SELECT id, NULL, NULL FROM conversations WHERE identity_rowid = new.rowid;
        INSERT INTO stats_dirty SELECT id, NULL, NULL FROM conversations WHERE guest_id = new.guest_id;
      END;
      CREATE TRIGGER stats_contact_deleted AFTER DELETE ON guest_identities WHEN old.kind IN ('phone', 'email') BEGIN
        INSERT INTO stats_dirty SELECT id, NULL, NULL FROM conversations WHERE identity_rowid = old.rowid;
        INSERT INTO stats_dirty SELECT id, NULL, NULL FROM conversations WHERE guest_id = old.guest_id;
      END;
      CREATE TRIGGER stats_contact_changed AFTER UPDATE OF kind, guest_id ON guest_identities
        WHEN old.kind IN ('phone', 'email') OR new.kind IN ('phone', 'email') BEGIN
        INSERT INTO stats_dirty SELECT id, NULL, NULL FROM conversations WHERE identity_rowid = new.rowid;
        INSERT INTO stats_dirty SELECT id, NULL, NULL FROM conversations WHERE guest_id IN (old.guest_id, new.guest_id);
      END;

      CREATE TRIGGER stats_time_zone_changed AFTER UPDATE OF time_zone ON properties
        WHEN old.time_zone IS NOT new.time_zone AND EXISTS (SELECT 1 FROM conversations WHERE property_id = new.id) BEGIN
        INSERT OR REPLACE INTO stats_builds
          VALUES (new.id, 0, 0, (SELECT count(*) FROM conversations WHERE property_id = new.id));
      END;

      INSERT INTO stats_builds
        SELECT p.id, 0, 0, (SELECT count(*) FROM conversations c WHERE c.property_id = p.id) FROM properties p
        WHERE EXISTS (SELECT 1 FROM conversations c WHERE c.property_id = p.id);
    `)
  },
}
