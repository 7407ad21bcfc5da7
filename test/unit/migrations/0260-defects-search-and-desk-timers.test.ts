import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { migrate } from '../../../sync-core/migrations/sqlite-migrate.js'
import { guestSearchText } from '../../../local-api/db/conversations.js'
import { shortGrams } from '../../../local-api/db/guest-search-grams.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0260 folded guest search and desk timers', () => {
  it("makes each conversation's search text again, folded and with every contact of its guest's profile, and its grams with it", () => {
    const db = new Database(join(dir, 'folded.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 210),
    )
    db.exec(`
      INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'Hotel', 'CH', 'Europe/Zurich', 1);
      INSERT INTO guests (id, first_name, last_name, created_at, updated_at) VALUES ('gst_1', 'Jürgen', 'Schäfer', 1, 1);
      INSERT INTO guest_identities (rowid, kind, value, guest_id, created_at) VALUES
        (1, 'phone', '+41791110001', 'gst_1', 1), (2, 'email', 'j.schafer@example.de', 'gst_1', 1),
        (3, 'phone', '+41792220002', NULL, 1), (4, 'onsite_contact', 'chn_1:WEB-7', NULL, 1);
      INSERT INTO conversations (rowid, id, property_id, channel, identity_rowid, guest_id, created_at, last_message_at) VALUES
        (1, 'conv_phone', 'prop_1', 'whatsapp', 1, 'gst_1', 1, 1), (2, 'conv_mail', 'prop_1', 'email', 2, 'gst_1', 1, 1),
        (3, 'conv_stranger', 'prop_1', 'sms', 3, NULL, 1, 1), (4, 'conv_onsite', 'prop_1', 'web_chat', 4, NULL, 1, 1),
        (5, 'conv_none', 'prop_1', 'web_chat', NULL, NULL, 1, 1);
      INSERT INTO conversation_search (rowid, guest_text) VALUES
        (1, 'jürgen schäfer +41791110001 41791110001'), (2, 'jürgen schäfer j.schafer@example.de'),
        (3, '+41792220002 41792220002'), (4, 'chn_1:web-7'), (5, '');
      INSERT INTO conversation_search_grams (gram, conversation_rowid) VALUES ('ä', 1), ('ü', 2);
    `)
    assert.equal(
      migrate(
        db,
        migrations.filter((migration) => migration.version <= 260),
      ).at(-1),
      260,
    )

    const texts = db.prepare('SELECT rowid, guest_text AS text FROM conversation_search ORDER BY rowid').all() as { rowid: number; text: string }[]
    const profile = [
      { kind: 'phone' as const, value: '+41791110001' },
      { kind: 'email' as const, value: 'j.schafer@example.de' },
    ]
    assert.deepEqual(texts, [
      { rowid: 1, text: 'jurgen schafer juergen schaefer +41791110001 41791110001 j.schafer@example.de' },
      { rowid: 2, text: 'jurgen schafer juergen schaefer j.schafer@example.de +41791110001 41791110001' },
      { rowid: 3, text: '+41792220002 41792220002' },
      { rowid: 4, text: 'chn_1:web-7' },
      { rowid: 5, text: '' },
    ])
    // The migration's own copy of the rule agrees with the store's.
    assert.equal(texts[0]!.text, guestSearchText('Jürgen Schäfer', profile[0]!, profile))
    assert.equal(texts[1]!.text, guestSearchText('Jürgen Schäfer', profile[1]!, profile))

    const stored = db.prepare('SELECT gram, conversation_rowid AS rowid FROM conversation_search_grams').all() as { gram: string; rowid: number }[]
    const expected = texts.flatMap(({ rowid, text }) => shortGrams(text).map((gram) => `${gram}|${rowid}`)).sort()
    assert.deepEqual(stored.map(({ gram, rowid }) => `${gram}|${rowid}`).sort(), expected)
    assert.ok(!stored.some(({ gram }) => gram === 'ä' || gram === 'ü'), 'the unfolded grams are gone')
    db.close()
  })

  it('adds the tables of the AI auto-resolve and the waiting reminders, each read through its index', () => {
    const db = new Database(join(dir, 'timers.sqlite'))
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 260),
    )
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => column.name)
    assert.deepEqual(columns('ai_answers'), ['conversation_id', 'property_id', 'message_id', 'answered_at'])
    assert.deepEqual(columns('waiting_reminders'), ['conversation_id', 'reminded_at'])
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT conversation_id FROM ai_answers WHERE property_id = 'prop_1' AND answered_at <= 5 ORDER BY answered_at")
      .all() as { detail: string }[]
    assert.match(plan.map((row) => row.detail).join(' | '), /ai_answers_by_property_time/)
    db.close()
  })
})
