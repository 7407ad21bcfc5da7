import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from '../../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

const ATT = 'att_01HZZZZZZZZZZZZZZZZZZZZZZZ'

describe('0110 property-scoped ids', () => {
  // A desk from before this migration: two properties, messages with external ids, a reply in the
  // outbox (which refers to its message), and an uploaded file one message shows.
  const db = new Database(join(dir, 'before.sqlite'))
  after(() => db.close())
  db.pragma('foreign_keys = ON')
  migrate(
    db,
    migrations.filter((migration) => migration.version < 110),
  )
  db.exec(`
    INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_a', 'A', 'CH', 'UTC', 0), ('prop_b', 'B', 'CH', 'UTC', 0);
    INSERT INTO conversations (id, property_id, channel, created_at, last_message_at) VALUES ('conv_a', 'prop_a', 'web_chat', 0, 0), ('conv_b', 'prop_b', 'web_chat', 0, 0);
    INSERT INTO channel_accounts (id, property_id, channel, code, name, created_at) VALUES ('chn_a', 'prop_a', 'web_chat', 'web', 'Web', 0);
    INSERT INTO messages (rowid, id, conversation_id, external_id, direction, content_type, content, text, status, created_at, received_at)
      VALUES (7, 'msg_a1', 'conv_a', 'chat-1', 'in', 'text', '{}', 'Is breakfast included?', 'delivered', 0, 0),
             (9, 'msg_b1', 'conv_b', 'chat-2', 'in', 'image', '{"type":"image","url":"/v1/attachments/${ATT}"}', '', 'delivered', 1, 1),
             (11, 'msg_a2', 'conv_a', NULL, 'out', 'text', '{}', 'Yes it is', 'queued', 2, 2);
    INSERT INTO outbox (message_id, channel_account_id, state, next_attempt_at, created_at, updated_at) VALUES ('msg_a2', 'chn_a', 'queued', 0, 0, 0);
    INSERT INTO attachments (id, name, mime_type, size, sha256, created_at) VALUES ('${ATT}', 'room.png', 'image/png', 1, 'x', 0), ('att_unused', 'x.pdf', 'application/pdf', 1, 'x', 0);
  `)
  migrate(db, migrations)

  it('gives every message the property of its conversation, keeping its rowid and the full-text index', () => {
    const rows = db.prepare('SELECT rowid, id, property_id AS propertyId FROM messages ORDER BY rowid').all()
    assert.deepEqual(rows, [
      { rowid: 7, id: 'msg_a1', propertyId: 'prop_a' },
      { rowid: 9, id: 'msg_b1', propertyId: 'prop_b' },
      { rowid: 11, id: 'msg_a2', propertyId: 'prop_a' },
    ])
    assert.deepEqual(db.prepare("SELECT rowid FROM message_search WHERE message_search MATCH 'breakfast'").pluck().all(), [7])
    // The search triggers came back with the table.
    db.exec(
      "INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at, property_id) VALUES ('msg_a3', 'conv_a', 'in', 'text', '{}', 'late checkout please', 'delivered', 3, 3, 'prop_a')",
    )
    assert.equal(db.prepare("SELECT count(*) FROM message_search WHERE message_search MATCH 'checkout'").pluck().get(), 1)
  })

  it('keeps what refers to messages (the outbox) and keeps foreign keys enforced', () => {
    assert.equal(db.prepare('SELECT message_id FROM outbox').pluck().get(), 'msg_a2')
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1)
    assert.throws(
      () =>
        db.exec(
          "INSERT INTO outbox (message_id, channel_account_id, state, next_attempt_at, created_at, updated_at) VALUES ('msg_nope', 'chn_a', 'queued', 0, 0, 0)",
        ),
      /FOREIGN KEY/,
    )
    assert.throws(
      () =>
        db.exec(
          "INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at, property_id) VALUES ('msg_x', 'conv_a', 'in', 'text', '{}', '', 'delivered', 0, 0, 'prop_nope')",
        ),
      /FOREIGN KEY/,
    )
  })

  it('makes external ids unique per property, not across properties', () => {
    const insert = db.prepare(
      "INSERT INTO messages (id, conversation_id, external_id, direction, content_type, content, text, status, created_at, received_at, property_id) VALUES (?, ?, 'chat-1', 'in', 'text', '{}', '', 'delivered', 0, 0, ?)",
    )
    insert.run('msg_b2', 'conv_b', 'prop_b')
    assert.throws(() => insert.run('msg_a4', 'conv_a', 'prop_a'), /UNIQUE/)
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM messages WHERE property_id = 'prop_a' AND external_id = 'chat-1'").all() as { detail: string }[]
    assert.match(plan.map((step) => step.detail).join('\n'), /messages_by_property_external_id/)
  })

  it("ties files already shown in a message to that message's conversation and property", () => {
    const bound = db.prepare('SELECT id, property_id AS propertyId, conversation_id AS conversationId FROM attachments ORDER BY id').all()
    assert.deepEqual(bound, [
      { id: ATT, propertyId: 'prop_b', conversationId: 'conv_b' },
      { id: 'att_unused', propertyId: null, conversationId: null },
    ])
  })
})
