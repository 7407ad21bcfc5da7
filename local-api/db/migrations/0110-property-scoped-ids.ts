import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * An integrator's `externalId` is unique per property, not across the desk: two properties' systems
 * may well both send "chat-1". Messages get the property of their conversation (`property_id`) and
 * the unique key becomes (property_id, external_id). SQLite cannot drop a column's UNIQUE, so the
 * table is rebuilt (its documented 12-step way: migrate() runs this with foreign keys off and checks
 * every reference before committing); rowids are kept, so the full-text index stays valid.
 *
 * Attachments get the property of the credential that uploaded them and, once a message uses one,
 * its conversation: another property's credential no longer finds them.
 */
export const propertyScopedIds: Migration = {
  version: 110,
  name: 'property-scoped-ids',
  up(db) {
    const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'messages'").pluck().get() as string
    // Indexes and triggers on messages die with the old table; made again from their own SQL.
    const dependents = db
      .prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'messages' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
      .pluck()
      .all() as string[]
    const columns = (db.prepare("SELECT name FROM pragma_table_info('messages')").pluck().all() as string[]).join(', ')
    const rebuilt = table
      .replace(/^CREATE TABLE messages \(/, 'CREATE TABLE messages_rebuilt (')
      .replace(/\bexternal_id TEXT UNIQUE\b/, 'external_id TEXT')
      .replace(/\)\s*$/, ', property_id TEXT NOT NULL REFERENCES properties(id))')
    if (!rebuilt.startsWith('CREATE TABLE messages_rebuilt (') || /external_id TEXT UNIQUE/.test(rebuilt)) {
      throw new Error('the messages table is not the shape this migration knows')
    }
    db.exec(rebuilt)
    db.exec(`
      INSERT INTO messages_rebuilt (${columns}, property_id)
        SELECT ${columns
          .split(', ')
          .map((column) => `m.${column}`)
          .join(', ')}, c.property_id
        FROM messages m JOIN conversations c ON c.id = m.conversation_id ORDER BY m.rowid;
      DROP TABLE messages;
      ALTER TABLE messages_rebuilt RENAME TO messages;
    `)
    for (const sql of dependents) db.exec(sql)
    db.exec(`
      CREATE UNIQUE INDEX messages_by_property_external_id ON messages (property_id, external_id) WHERE external_id IS NOT NULL;

      -- NULL: uploaded by a credential bound to no property and not yet used in a message.
      ALTER TABLE attachments ADD COLUMN property_id TEXT REFERENCES properties(id);
      -- The conversation of the first message that used it; no other conversation may use it.
      ALTER TABLE attachments ADD COLUMN conversation_id TEXT REFERENCES conversations(id);

      -- Files already used in a message belong to the first conversation that used them.
      UPDATE attachments SET conversation_id = used.conversation_id, property_id = used.property_id
      FROM (
        SELECT substr(json_extract(content, '$.url'), 17) AS attachment_id, conversation_id, property_id, min(rowid)
        FROM messages WHERE content_type IN ('image', 'file') AND substr(json_extract(content, '$.url'), 1, 20) = '/v1/attachments/att_'
        GROUP BY attachment_id
      ) AS used
      WHERE used.attachment_id = attachments.id;
    `)
  },
}
