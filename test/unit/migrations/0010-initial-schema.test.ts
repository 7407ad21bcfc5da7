import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabaseFile } from '../../../local-api/db/open.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0010 initial schema', () => {
  const db = openDatabaseFile(join(dir, 'schema.sqlite'))
  after(() => db.close())

  it('creates every table the product stores', () => {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name)
    for (const table of [
      'properties',
      'channel_accounts',
      'guests',
      'guest_identities',
      'conversations',
      'messages',
      'reservations',
      'api_tokens',
      'change_log',
      'message_search',
      'conversation_search',
    ]) {
      assert.ok(tables.includes(table), table)
    }
  })

  it('indexes message text for full-text search (FTS5)', () => {
    db.exec(`
      INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'H', 'CH', 'UTC', 0);
      INSERT INTO conversations (id, property_id, channel, created_at, last_message_at) VALUES ('conv_1', 'prop_1', 'web_chat', 0, 0);
      INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at, property_id)
        VALUES ('msg_1', 'conv_1', 'in', 'text', '{}', 'Is breakfast included in the room rate?', 'delivered', 0, 0, 'prop_1');`)
    const hit = db.prepare("SELECT rowid FROM message_search WHERE message_search MATCH 'breakfast'").all()
    assert.equal(hit.length, 1)
  })

  it('enforces foreign keys', () => {
    assert.throws(
      () =>
        db
          .prepare(
            "INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at, property_id) VALUES ('msg_x', 'conv_missing', 'in', 'text', '{}', '', 'delivered', 0, 0, 'prop_1')",
          )
          .run(),
      /FOREIGN KEY/,
    )
  })

  it('keeps the change log append-only', () => {
    db.prepare("INSERT INTO change_log (entity, entity_id, op, fields, created_at) VALUES ('message', 'msg_1', 'insert', '{}', 0)").run()
    assert.throws(() => db.prepare('UPDATE change_log SET fields = \'{"x":1}\'').run(), /append-only/)
    assert.throws(() => db.prepare('DELETE FROM change_log').run(), /append-only/)
  })
})
