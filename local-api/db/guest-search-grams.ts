import type { Db } from './open.js'

/**
 * A list query too short for the trigram index (no term of 3 characters) matches the guest search
 * text as a plain substring. Such substrings are looked up in `conversation_search_grams`: every
 * 1- and 2-character substring of each conversation's search text (none starting or ending with
 * white space: a trimmed query never does), kept by the same writes as `conversation_search`.
 */
export function shortGrams(text: string): string[] {
  const chars = Array.from(text)
  const grams = new Set<string>()
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!
    if (WHITE_SPACE.test(char)) continue
    grams.add(char)
    const next = chars[i + 1]
    if (next !== undefined && !WHITE_SPACE.test(next)) grams.add(char + next)
  }
  return [...grams]
}

const WHITE_SPACE = /^\s$/u

/**
 * How a short query is looked up: its candidates are the conversations with one of `grams` (the
 * query itself when it is 1 or 2 characters, else its 2-character substrings, else its first
 * character), and for a longer query `like`, the substring check, decides. Undefined for an empty query.
 */
export function shortQueryLookup(query: string): { grams: string[]; like?: string } | undefined {
  const chars = Array.from(query)
  if (chars.length === 0) return undefined
  if (chars.length <= 2) return { grams: [query] }
  const pairs = shortGrams(query).filter((gram) => Array.from(gram).length === 2)
  return { grams: pairs.length ? pairs : [chars[0]!], like: `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }
}

/** Keeps a conversation's grams in step with its search text. */
export function guestSearchGramsWriter(db: Db) {
  const insert = db.prepare('INSERT OR IGNORE INTO conversation_search_grams (gram, conversation_rowid) VALUES (?, ?)')
  const remove = db.prepare('DELETE FROM conversation_search_grams WHERE gram = ? AND conversation_rowid = ?')
  return {
    insert(rowid: number, text: string): void {
      for (const gram of shortGrams(text)) insert.run(gram, rowid)
    },
    /** From the grams of `before` to those of `after` (only the difference is written). */
    replace(rowid: number, before: string, after: string): void {
      const next = new Set(shortGrams(after))
      for (const gram of shortGrams(before)) if (!next.delete(gram)) remove.run(gram, rowid)
      for (const gram of next) insert.run(gram, rowid)
    },
    remove(rowid: number, text: string): void {
      for (const gram of shortGrams(text)) remove.run(gram, rowid)
    },
  }
}
