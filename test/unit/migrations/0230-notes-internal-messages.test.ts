import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { migrate } from '../../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0230 internal notes and the last message author', () => {
  it("marks every existing message as not internal and fills each conversation's last author", () => {
    const db = new Database(join(dir, 'notes.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(
      db,
      migrations.filter((migration) => migration.version < 230),
    )
    db.exec(`INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'Hotel', 'CH', 'Europe/Zurich', 1)`)
    db.exec(
      `INSERT INTO agents (id, name, email, role, active, password_hash, created_at, updated_at) VALUES ('agt_anna', 'Anna', 'anna@x.ch', 'agent', 1, 'x', 1, 1)`,
    )
    const conversation = db.prepare(
      `INSERT INTO conversations (id, property_id, channel, created_at, last_message_at, last_message_direction) VALUES (?, 'prop_1', 'web_chat', 1, 1, ?)`,
    )
    const message = db.prepare(
      `INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at, sender_agent_id, author, property_id)
       VALUES (?, ?, ?, 'text', '{"type":"text","text":"x"}', ?, 'delivered', ?, ?, ?, ?, 'prop_1')`,
    )
    conversation.run('conv_staff', 'out')
    message.run('msg_1', 'conv_staff', 'in', 'breakfast please', 10, 10, null, null)
    message.run('msg_2', 'conv_staff', 'out', 'ok', 20, 20, 'agt_anna', null)
    conversation.run('conv_ai', 'out')
    message.run('msg_3', 'conv_ai', 'in', 'hi', 10, 10, null, null)
    message.run('msg_4', 'conv_ai', 'out', 'hello', 20, 20, null, 'bot')
    conversation.run('conv_guest', 'in')
    message.run('msg_5', 'conv_guest', 'out', 'earlier answer', 10, 10, 'agt_anna', null)
    message.run('msg_6', 'conv_guest', 'in', 'thanks', 20, 20, null, null)
    migrate(db, migrations)

    assert.deepEqual(db.prepare('SELECT DISTINCT internal, mentions FROM messages').all(), [{ internal: 0, mentions: null }])
    assert.deepEqual(db.prepare('SELECT id, last_message_agent_id AS agent, last_message_author AS author FROM conversations ORDER BY id').all(), [
      { id: 'conv_ai', agent: null, author: 'bot' },
      { id: 'conv_guest', agent: null, author: null },
      { id: 'conv_staff', agent: 'agt_anna', author: null },
    ])

    db.prepare(
      `INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at, sender_agent_id, internal, mentions, property_id)
       VALUES ('msg_note', 'conv_staff', 'out', 'text', '{"type":"text","text":"x"}', 'a note', 'delivered', 30, 30, 'agt_anna', 1, '["agt_anna"]', 'prop_1')`,
    ).run()
    assert.deepEqual(db.prepare(`SELECT internal, mentions FROM messages WHERE id = 'msg_note'`).get(), { internal: 1, mentions: '["agt_anna"]' })
    assert.throws(() => db.exec(`UPDATE messages SET internal = 2 WHERE id = 'msg_2'`), /CHECK/)
    db.close()
  })
})
