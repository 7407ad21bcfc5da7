import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { migrate, schemaVersion } from '../../../sync-core/migrations/sqlite-migrate.js'
import { shortGrams } from '../../../local-api/db/guest-search-grams.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0180 guest search grams', () => {
  it("indexes every 1- and 2-character substring of each conversation's search text", () => {
    const db = new Database(join(dir, 'grams.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 170),
    )
    const texts = ['zoë müller +41 79 555 01 01 41795550101', 'jose.n@example.es', 'åsa  löfgren', '', 'li wu 😀x']
    const insert = db.prepare('INSERT INTO conversation_search (rowid, guest_text) VALUES (?, ?)')
    texts.forEach((text, i) => insert.run(i + 1, text))

    assert.deepEqual(
      migrate(
        db,
        migrations.filter((migration) => migration.version <= 180),
      ),
      [180],
    )
    assert.equal(schemaVersion(db), 180)
    const stored = db.prepare('SELECT gram, conversation_rowid AS rowid FROM conversation_search_grams ORDER BY gram, conversation_rowid').all()
    const expected = texts
      .flatMap((text, i) => shortGrams(text).map((gram) => ({ gram, rowid: i + 1 })))
      .sort((a, b) => (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : a.rowid - b.rowid))
    assert.deepEqual(stored, expected)
    assert.ok(
      expected.some(({ gram }) => gram === '😀x'),
      'a character outside the BMP is one character',
    )
    assert.ok(!expected.some(({ gram }) => /\s/.test(gram)), 'no gram holds white space')
    db.close()
  })
})
