import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { migrate } from '../../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { knowledgeRepository } from '../../../local-api/db/knowledge.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0190 agent retrieval', () => {
  it('keeps existing knowledge entries, with no other phrasings or languages yet, and opens one suggestion per conversation at most', () => {
    const db = new Database(join(dir, 'agent.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 180),
    )
    db.exec(`INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'Hotel', 'CH', 'Europe/Zurich', 1)`)
    db.exec(
      `INSERT INTO knowledge_entries (id, property_id, question, answer, created_at, updated_at) VALUES ('kb_1', 'prop_1', 'Pets?', 'Dogs welcome.', 1, 1)`,
    )
    migrate(db, migrations)

    const entry = knowledgeRepository(db).get('kb_1')!
    assert.deepEqual([entry.question, entry.phrasings, entry.answers], ['Pets?', [], {}])

    db.exec(`INSERT INTO conversations (id, property_id, channel, created_at, last_message_at) VALUES ('conv_1', 'prop_1', 'web_chat', 1, 1)`)
    const suggest = db.prepare(
      `INSERT INTO agent_suggestions (id, conversation_id, message_id, entry_id, text, status, created_at) VALUES (?, 'conv_1', 'msg_1', 'kb_1', 'Dogs welcome.', ?, 1)`,
    )
    suggest.run('sug_1', 'open')
    assert.throws(() => suggest.run('sug_2', 'open'), /UNIQUE/)
    suggest.run('sug_3', 'dismissed')
    db.close()
  })
})
