import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/**
 * 1. The list's guest search finds a guest by every phone and email of their profile and ignores
 *    diacritics ("schafer" and "schaefer" find "Schäfer"): each conversation's search text is made
 *    again as db/conversations.ts guestSearchText now makes it, and its short-substring index with it
 *    (sorted before it is written, as migration 0180 did).
 * 2. Two small tables for two desk timers, each read through its own index so a pass costs the
 *    conversations it acts on, not the store:
 *    - `ai_answers`: the AI agent's latest answer per conversation; a conversation whose guest stays
 *      quiet after it resolves itself (services/ai-auto-resolve.ts). Only answers from now on count.
 *    - `waiting_reminders`: when staff were last reminded of a queued or handed-over conversation whose
 *      guest waits (services/waiting-reminders.ts), so each gets at most one reminder per interval.
 *    Both are this desk's own (not synced): the resolve and the notifications they make are.
 */
export const defectsSearchAndDeskTimers: Migration = {
  version: 260,
  name: 'defects-search-and-desk-timers',
  up(db) {
    db.exec(`
      CREATE TABLE ai_answers (
        conversation_id TEXT PRIMARY KEY,
        property_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        answered_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX ai_answers_by_property_time ON ai_answers (property_id, answered_at);

      CREATE TABLE waiting_reminders (
        conversation_id TEXT PRIMARY KEY,
        reminded_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `)
    const subjects = db
      .prepare(
        `SELECT c.rowid, c.guest_id AS guestId, g.first_name AS firstName, g.last_name AS lastName, i.kind, i.value
         FROM conversations c LEFT JOIN guests g ON g.id = c.guest_id LEFT JOIN guest_identities i ON i.rowid = c.identity_rowid`,
      )
      .all() as Subject[]
    const contactRows = db
      .prepare("SELECT guest_id AS guestId, kind, value FROM guest_identities WHERE guest_id IS NOT NULL AND kind IN ('phone', 'email') ORDER BY rowid")
      .all() as ({ guestId: string } & Contact)[]
    const contactsOf = new Map<string, Contact[]>()
    for (const row of contactRows) {
      const list = contactsOf.get(row.guestId) ?? []
      list.push({ kind: row.kind, value: row.value })
      contactsOf.set(row.guestId, list)
    }
    db.exec('DELETE FROM conversation_search; DELETE FROM conversation_search_grams;')
    const insert = db.prepare('INSERT INTO conversation_search (rowid, guest_text) VALUES (?, ?)')
    for (const subject of subjects) {
      const name = [subject.firstName, subject.lastName].filter(Boolean).join(' ').trim() || null
      const identity = subject.kind === null ? null : { kind: subject.kind, value: subject.value! }
      insert.run(subject.rowid, searchText(name, identity, subject.guestId ? (contactsOf.get(subject.guestId) ?? []) : []))
    }
    db.table('migration_0260_short_grams', {
      columns: ['gram'],
      parameters: ['text'],
      *rows(text: unknown) {
        for (const gram of grams(String(text ?? ''))) yield [gram]
      },
    })
    db.exec(`
      INSERT INTO conversation_search_grams (gram, conversation_rowid)
      SELECT g.gram, s.rowid FROM conversation_search s, migration_0260_short_grams(s.guest_text) g
      ORDER BY 1, 2
    `)
  },
}

interface Contact {
  kind: string
  value: string
}
interface Subject {
  rowid: number
  guestId: string | null
  firstName: string | null
  lastName: string | null
  kind: string | null
  value: string | null
}

// A migration keeps its own copies of the rules it applies (they may change later).

const SINGLE_LETTERS: Record<string, string> = { ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' }

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßẞæœøłđðþı]/g, (letter) => SINGLE_LETTERS[letter] ?? letter)
    .normalize('NFC')
}

function nameForms(name: string): string[] {
  const folded = fold(name)
  const spelledOut = fold(name.toLowerCase().replace(/[äöü]/g, (vowel) => ({ ä: 'ae', ö: 'oe', ü: 'ue' })[vowel] ?? vowel))
  return spelledOut === folded ? [folded] : [folded, spelledOut]
}

function searchText(name: string | null, identity: Contact | null, profileContacts: Contact[]): string {
  const parts = name ? nameForms(name) : []
  for (const contact of identity ? [identity, ...profileContacts] : profileContacts) {
    if (contact.kind !== 'phone' && contact.kind !== 'email') {
      if (contact === identity) parts.push(fold(contact.value))
      continue
    }
    parts.push(fold(contact.value))
    if (contact.kind === 'phone') parts.push(contact.value.replace(/\D/g, ''))
  }
  return [...new Set(parts.filter(Boolean))].join(' ')
}

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
