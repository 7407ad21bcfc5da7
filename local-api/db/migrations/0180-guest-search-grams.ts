import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * The index of a list query too short for trigrams (`q=li`): every 1- and 2-character substring of
 * each conversation's guest search text (db/guest-search-grams.ts), so such a query seeks instead
 * of scanning every conversation. Built from the search texts already stored, sorted before it is
 * written, so the index is appended to in order.
 */
export const guestSearchGrams: Migration = {
  version: 180,
  name: 'guest-search-grams',
  up(db) {
    db.exec(`
      CREATE TABLE conversation_search_grams (
        gram TEXT NOT NULL,
        conversation_rowid INTEGER NOT NULL,
        PRIMARY KEY (gram, conversation_rowid)
      ) WITHOUT ROWID;
    `)
    db.table('migration_0180_short_grams', {
      columns: ['gram'],
      parameters: ['text'],
      *rows(text: unknown) {
        for (const gram of grams(String(text ?? ''))) yield [gram]
      },
    })
    db.exec(`
      INSERT INTO conversation_search_grams (gram, conversation_rowid)
      SELECT g.gram, s.rowid FROM conversation_search s, migration_0180_short_grams(s.guest_text) g
      ORDER BY 1, 2
    `)
  },
}

/** As db/guest-search-grams.ts shortGrams (a migration keeps its own copy): the 1- and 2-character substrings without white space. */
function grams(text: string): Set<string> {
  const chars = Array.from(text)
  const found = new Set<string>()
  const blank = (char: string | undefined) => char === undefined || /^\s$/u.test(char)
  for (let i = 0; i < chars.length; i++) {
    if (blank(chars[i])) continue
    found.add(chars[i]!)
    if (!blank(chars[i + 1])) found.add(chars[i]! + chars[i + 1]!)
  }
  return found
}
