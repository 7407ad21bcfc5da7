import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabaseFile } from '../../../local-api/db/open.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0020 agents, sessions and leads', () => {
  const db = openDatabaseFile(join(dir, 'agents.sqlite'))
  after(() => db.close())
  db.exec(`
    INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'H', 'CH', 'UTC', 0);
    INSERT INTO conversations (id, property_id, channel, created_at, last_message_at) VALUES ('conv_1', 'prop_1', 'web_chat', 0, 0);
    INSERT INTO agents (id, name, email, role, password_hash, created_at, updated_at) VALUES ('agt_1', 'Anna', 'anna@example.com', 'admin', 'x', 0, 0);`)

  it("keeps agents' emails unique and roles to agent or admin", () => {
    assert.throws(
      () =>
        db.exec(
          "INSERT INTO agents (id, name, email, role, password_hash, created_at, updated_at) VALUES ('agt_2', 'B', 'anna@example.com', 'agent', 'x', 0, 0)",
        ),
      /UNIQUE/,
    )
    assert.throws(
      () =>
        db.exec("INSERT INTO agents (id, name, email, role, password_hash, created_at, updated_at) VALUES ('agt_3', 'C', 'c@example.com', 'boss', 'x', 0, 0)"),
      /CHECK/,
    )
  })

  it('ties sessions to agents and stores only a hash as their key', () => {
    db.exec("INSERT INTO agent_sessions (token_hash, agent_id, created_at, expires_at) VALUES ('h1', 'agt_1', 0, 1)")
    assert.throws(() => db.exec("INSERT INTO agent_sessions (token_hash, agent_id, created_at, expires_at) VALUES ('h2', 'agt_nope', 0, 1)"), /FOREIGN KEY/)
  })

  it('allows one lead per conversation', () => {
    db.exec("INSERT INTO leads (id, conversation_id, created_at, updated_at) VALUES ('lead_1', 'conv_1', 0, 0)")
    assert.throws(() => db.exec("INSERT INTO leads (id, conversation_id, created_at, updated_at) VALUES ('lead_2', 'conv_1', 0, 0)"), /UNIQUE/)
  })

  it('records which agent wrote a message', () => {
    db.exec(`INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at, sender_agent_id, property_id)
      VALUES ('msg_1', 'conv_1', 'out', 'text', '{}', 'Hello', 'sent', 0, 0, 'agt_1', 'prop_1')`)
    assert.equal((db.prepare("SELECT sender_agent_id FROM messages WHERE id = 'msg_1'").get() as { sender_agent_id: string }).sender_agent_id, 'agt_1')
  })
})
