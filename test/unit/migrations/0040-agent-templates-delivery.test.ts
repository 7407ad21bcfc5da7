import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { migrate, schemaVersion } from '../../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0040 the AI agent, templates and delivery', () => {
  // A desk of 0030: an assigned conversation with a guest's message and a reply, a lead, a channel account.
  const db = new Database(join(dir, 'before.sqlite'))
  after(() => db.close())
  db.pragma('foreign_keys = ON')
  migrate(
    db,
    migrations.filter((migration) => migration.version <= 30),
  )
  db.exec(`
    INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'H', 'CH', 'UTC', 0);
    INSERT INTO agents (id, name, email, role, password_hash, created_at, updated_at) VALUES ('agt_1', 'Anna', 'anna@example.com', 'admin', 'x', 0, 0);
    INSERT INTO channel_accounts (id, property_id, channel, code, name, created_at) VALUES ('chn_1', 'prop_1', 'whatsapp', 'wa', 'WhatsApp', 0);
    INSERT INTO conversations (id, property_id, channel, channel_account_id, created_at, last_message_at, assigned_agent_id) VALUES ('conv_1', 'prop_1', 'whatsapp', 'chn_1', 0, 2, 'agt_1');
    INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at)
      VALUES ('msg_1', 'conv_1', 'in', 'text', '{}', 'Do you allow dogs?', 'delivered', 1, 1),
             ('msg_2', 'conv_1', 'out', 'text', '{}', 'Yes, they are welcome', 'sent', 2, 2);
    INSERT INTO leads (id, conversation_id, status, notes, created_at, updated_at) VALUES ('lead_1', 'conv_1', 'new', 'Wants July', 0, 0);`)
  migrate(
    db,
    migrations.filter((migration) => migration.version <= 40),
  )

  it('leaves what the desk held as it was: conversations answered by the AI agent, messages by no bot', () => {
    assert.equal(schemaVersion(db), 40)
    assert.deepEqual(db.prepare('SELECT id, mode, assigned_agent_id AS assignedAgentId FROM conversations').all(), [
      { id: 'conv_1', mode: 'ai', assignedAgentId: 'agt_1' },
    ])
    assert.deepEqual(db.prepare('SELECT id, text, author, meta FROM messages ORDER BY rowid').all(), [
      { id: 'msg_1', text: 'Do you allow dogs?', author: null, meta: null },
      { id: 'msg_2', text: 'Yes, they are welcome', author: null, meta: null },
    ])
    assert.deepEqual(db.prepare('SELECT id, status, notes, reservation_id AS reservationId FROM leads').all(), [
      { id: 'lead_1', status: 'new', notes: 'Wants July', reservationId: null },
    ])
    assert.deepEqual(db.prepare('SELECT id, webhook_url AS webhookUrl, webhook_secret AS webhookSecret FROM channel_accounts').all(), [
      { id: 'chn_1', webhookUrl: null, webhookSecret: null },
    ])
  })

  it("keeps a conversation's mode to ai or human, and a message's author to the bot", () => {
    db.exec("UPDATE conversations SET mode = 'human' WHERE id = 'conv_1'")
    assert.throws(() => db.exec("UPDATE conversations SET mode = 'robot' WHERE id = 'conv_1'"), /CHECK/)
    db.exec("UPDATE messages SET author = 'bot', meta = '{\"latencyMs\":900}' WHERE id = 'msg_2'")
    assert.throws(() => db.exec("UPDATE messages SET author = 'agent' WHERE id = 'msg_2'"), /CHECK/)
  })

  it("finds an agent's conversations by activity through their own index", () => {
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM conversations WHERE assigned_agent_id = 'agt_1' ORDER BY last_message_at DESC, id DESC")
      .all() as { detail: string }[]
    assert.match(plan.map((step) => step.detail).join('\n'), /conversations_by_assignee_activity/)
  })

  it('ties timeline events to their conversation and notifications to their agent', () => {
    db.exec("INSERT INTO conversation_events (id, conversation_id, type, agent_id, created_at) VALUES ('evt_1', 'conv_1', 'mode_changed', 'agt_1', 3)")
    assert.equal(db.prepare("SELECT data FROM conversation_events WHERE id = 'evt_1'").pluck().get(), '{}')
    assert.throws(
      () => db.exec("INSERT INTO conversation_events (id, conversation_id, type, created_at) VALUES ('evt_2', 'conv_nope', 'assigned', 3)"),
      /FOREIGN KEY/,
    )
    db.exec(
      "INSERT INTO notifications (id, agent_id, kind, conversation_id, text, created_at) VALUES ('ntf_1', 'agt_1', 'assigned', 'conv_1', 'A conversation for you', 3)",
    )
    assert.throws(
      () => db.exec("INSERT INTO notifications (id, agent_id, kind, text, created_at) VALUES ('ntf_2', 'agt_nope', 'assigned', 'x', 3)"),
      /FOREIGN KEY/,
    )
  })

  it('indexes the knowledge base for full-text search, kept current on insert, update and delete', () => {
    const search = (query: string) => db.prepare('SELECT rowid FROM knowledge_search WHERE knowledge_search MATCH ?').pluck().all(query)
    db.exec(
      "INSERT INTO knowledge_entries (rowid, id, property_id, question, answer, tags, created_at, updated_at) VALUES (5, 'kb_1', 'prop_1', 'Do you allow pets?', 'Dogs are welcome.', 'dog pet', 0, 0)",
    )
    // Stemmed (porter): "allowed" finds "allow".
    assert.deepEqual(search('allowed'), [5])
    db.exec("UPDATE knowledge_entries SET tags = 'animals' WHERE id = 'kb_1'")
    assert.deepEqual(search('pet'), [5], 'still in the question')
    assert.deepEqual(search('tags:dog'), [])
    assert.deepEqual(search('animals'), [5])
    db.exec("DELETE FROM knowledge_entries WHERE id = 'kb_1'")
    assert.deepEqual(search('welcome'), [])
  })

  it('keeps template shortcuts unique per property and approvals to what Meta answers', () => {
    const insert = db.prepare(
      "INSERT INTO templates (id, property_id, name, shortcut, body, channel, approval, created_at, updated_at) VALUES (?, 'prop_1', 'Welcome', ?, 'Hi', ?, ?, 0, 0)",
    )
    insert.run('tpl_1', 'welcome', null, null)
    assert.throws(() => insert.run('tpl_2', 'welcome', null, null), /UNIQUE/)
    insert.run('tpl_3', 'promo', 'whatsapp', 'pending')
    assert.throws(() => insert.run('tpl_4', 'offer', 'whatsapp', 'maybe'), /CHECK/)
    assert.equal(db.prepare("SELECT language FROM templates WHERE id = 'tpl_1'").pluck().get(), 'en')
  })

  it('queues a reply once in the outbox, in a known state, and finds the due ones by index', () => {
    const insert = db.prepare(
      "INSERT INTO outbox (message_id, channel_account_id, state, next_attempt_at, created_at, updated_at) VALUES (?, 'chn_1', ?, 5, 0, 0)",
    )
    insert.run('msg_2', 'queued')
    assert.equal(db.prepare("SELECT attempts FROM outbox WHERE message_id = 'msg_2'").pluck().get(), 0)
    assert.throws(() => insert.run('msg_2', 'queued'), /UNIQUE/)
    assert.throws(() => insert.run('msg_1', 'lost'), /CHECK/)
    assert.throws(() => insert.run('msg_nope', 'queued'), /FOREIGN KEY/)
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT message_id FROM outbox WHERE state = 'queued' AND next_attempt_at <= 10").all() as { detail: string }[]
    assert.match(plan.map((step) => step.detail).join('\n'), /outbox_due/)
  })

  it('keeps settings as one JSON value per key', () => {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('llm', '{"model":"m"}')
    assert.throws(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('llm', '{}'), /UNIQUE|PRIMARY KEY/)
  })
})
