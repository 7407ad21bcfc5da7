import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * Guest merges as records: who joined two profiles, when and why, the profile merged away as it
 * was, and exactly what moved onto the kept profile, so the merge can be undone. Each desk records
 * the merges it made and those it applied from other desks (what moved there); the id is the
 * merge's own, the same on every desk.
 */
export const guestMerges: Migration = {
  version: 80,
  name: 'guest-merges',
  up(db) {
    db.exec(`
      CREATE TABLE guest_merges (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        -- No foreign keys: the profile merged away is deleted while merged, and the kept one may be
        -- merged into a third later.
        kept_guest_id TEXT NOT NULL,
        gone_guest_id TEXT NOT NULL,
        -- The profile merged away, as it was.
        gone_first_name TEXT,
        gone_last_name TEXT,
        gone_language TEXT,
        gone_created_at INTEGER NOT NULL,
        gone_updated_at INTEGER NOT NULL,
        -- The kept profile's fields before the merge (what the undo gives back if the merge changed them).
        kept_first_name TEXT,
        kept_last_name TEXT,
        kept_language TEXT,
        -- What moved from the gone profile to the kept one, on this desk: JSON
        -- {"identities":[rowid…],"conversations":[id…],"reservations":[id…],"leads":[id…],"onsiteContacts":[id…]}.
        moved TEXT NOT NULL CHECK (json_valid(moved)),
        -- Who merged: a signed-in agent, or an API token by name; both NULL for the desk itself.
        merged_by_agent_id TEXT,
        merged_by_token TEXT,
        reason TEXT,
        -- NULL: made on this desk; else the desk (sync client id) whose merge this desk applied.
        origin TEXT,
        created_at INTEGER NOT NULL,
        undone_at INTEGER,
        undone_by_agent_id TEXT,
        undone_by_token TEXT,
        CHECK (kept_guest_id <> gone_guest_id)
      );
      CREATE INDEX guest_merges_by_kept ON guest_merges (kept_guest_id, created_at);
      CREATE INDEX guest_merges_by_gone ON guest_merges (gone_guest_id, created_at);

      -- An undone merge recomputes the kept profile from every profile still merged into it.
      CREATE INDEX sync_aliases_by_target ON sync_aliases (entity, target_id);
    `)
  },
}
