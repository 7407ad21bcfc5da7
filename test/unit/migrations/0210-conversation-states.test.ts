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

describe('0210 conversation states', () => {
  it('opens every existing conversation and finds since when its guest has waited, from its messages', () => {
    const db = new Database(join(dir, 'states.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 200),
    )
    db.exec(`INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'Hotel', 'CH', 'Europe/Zurich', 1)`)
    const conversation = db.prepare(
      `INSERT INTO conversations (id, property_id, channel, created_at, last_message_at, last_guest_message_at) VALUES (?, 'prop_1', 'web_chat', 1, 1, ?)`,
    )
    const message = db.prepare(
      `INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at, author, meta, property_id)
       VALUES (?, ?, ?, 'text', '{"type":"text","text":"x"}', 'x', 'delivered', ?, ?, ?, ?, 'prop_1')`,
    )
    // Answered by staff, then the guest wrote twice: waiting since the first of the two.
    conversation.run('conv_waiting', 40)
    message.run('msg_1', 'conv_waiting', 'in', 10, 10, null, null)
    message.run('msg_2', 'conv_waiting', 'out', 20, 20, null, null)
    message.run('msg_3', 'conv_waiting', 'in', 30, 30, null, null)
    message.run('msg_4', 'conv_waiting', 'in', 40, 40, null, null)
    // The AI agent answered (naming its tools): nobody waits.
    conversation.run('conv_answered', 10)
    message.run('msg_5', 'conv_answered', 'in', 10, 10, null, null)
    message.run('msg_6', 'conv_answered', 'out', 11, 11, 'bot', '{"tools":["rag"],"latencyMs":5}')
    // The AI agent only handed over (its notice names no tools): the guest still waits.
    conversation.run('conv_handed_over', 10)
    message.run('msg_7', 'conv_handed_over', 'in', 10, 10, null, null)
    message.run('msg_8', 'conv_handed_over', 'out', 11, 11, 'bot', '{"tools":[],"latencyMs":5}')
    // No messages at all.
    conversation.run('conv_empty', null)
    migrate(db, migrations)

    const rows = db.prepare('SELECT id, state, snoozed_until, waiting_since FROM conversations ORDER BY id').all()
    assert.deepEqual(rows, [
      { id: 'conv_answered', state: 'open', snoozed_until: null, waiting_since: null },
      { id: 'conv_empty', state: 'open', snoozed_until: null, waiting_since: null },
      { id: 'conv_handed_over', state: 'open', snoozed_until: null, waiting_since: 10 },
      { id: 'conv_waiting', state: 'open', snoozed_until: null, waiting_since: 30 },
    ])
    assert.throws(() => db.exec(`UPDATE conversations SET state = 'archived' WHERE id = 'conv_empty'`), /CHECK/)
    db.close()
  })
})
