import { createHash } from 'node:crypto'
import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

// The clock encoding of sync-core/hlc.ts encodeHlc and decodeHlc, frozen as of version 90 (a
// migration stands alone: it keeps what it wrote then, whatever the application's clock becomes).
interface Hlc {
  wallMs: number
  counter: number
  node: string
}
const encodeHlc = ({ wallMs, counter, node }: Hlc) => `${String(wallMs).padStart(15, '0')}-${counter.toString(16).padStart(4, '0')}-${node}`
const decodeHlc = (encoded: string): Hlc => {
  const match = /^(\d{15})-([0-9a-f]{4})-([0-9a-z]{1,32})$/.exec(encoded)
  if (!match) throw new Error(`not a clock timestamp: ${JSON.stringify(encoded).slice(0, 80)}`)
  return { wallMs: Number(match[1]), counter: parseInt(match[2]!, 16), node: match[3]! }
}

/**
 * Contacts a guest writes (an email or phone in a message, a contact card) are suggestions for staff,
 * never identities: they no longer link a conversation to a profile, nor a reservation to one.
 *
 * Until now such a contact became an unverified row of `guest_identities`, joined the conversation
 * to whatever profile already owned that value, and linked the conversation's own identity (and any
 * profile-less identity written) to that profile. This step brings a desk to the state the new rule
 * would have produced, in three simple passes rather than by replaying history:
 *
 * 1. Every contact an insight reading captured (`conversations.insight.captured`, which holds every
 *    value that became an unverified identity: both were written in one transaction) becomes a
 *    suggestion of its conversation. An unverified identity no reading holds becomes a suggestion of
 *    each conversation of its profile.
 * 2. Unverified identities leave `guest_identities`, except where something verified vouches for
 *    them: a reservation names the value (the reservation push would have made it a verified
 *    identity of the reservation's profile: it becomes one), or a conversation or onsite contact
 *    comes from it (the guest really writes from it: verified, its profile decided in pass 3).
 * 3. A phone or email identity keeps its profile only when that link is vouched for by a reservation
 *    of that profile naming the value, or by an onsite contact of it; otherwise (the link came from
 *    text) it goes back to no profile. Issued identities (guest app, onsite contact) keep theirs. Then
 *    every conversation takes its own identity's profile, as ingest and the reservation push keep it.
 *
 * The undone links are recorded in the change log with fresh clocks, so a connected desk sends them
 * and desks that join later do not take the old links from the central server's state. One case
 * is undone that was not text-made: a profile-less phone or email an admin merged into another
 * profile by hand (no reservation names it); staff link it again from its suggestion. Profiles the
 * old reading made and that end up with nothing are left in place, unreferenced by conversations.
 */
export const contactSuggestions: Migration = {
  version: 90,
  name: 'contact-suggestions',
  up(db) {
    db.exec(`
      -- A contact a guest wrote in a conversation; the status is staff's decision (linked: recorded
      -- who and when; whether it is still linked follows the profiles, see services/contact-suggestions.ts).
      CREATE TABLE contact_suggestions (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        kind TEXT NOT NULL CHECK (kind IN ('phone', 'email')),
        value TEXT NOT NULL,
        found_at INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'linked', 'dismissed')),
        decided_by TEXT,
        decided_at INTEGER,
        UNIQUE (conversation_id, kind, value)
      );
      CREATE INDEX contact_suggestions_by_value ON contact_suggestions (kind, value);
    `)

    // The same formula as domain/contact-suggestions.ts suggestionId (repeated: migrations stand alone).
    const idOf = (conversationId: string, kind: string, value: string) =>
      `sug_${createHash('sha256').update(`${conversationId}\n${kind}\n${value}`).digest('hex').slice(0, 24)}`
    const addSuggestion = db.prepare('INSERT OR IGNORE INTO contact_suggestions (id, conversation_id, kind, value, found_at) VALUES (?, ?, ?, ?, ?)')

    // Change log entries with clocks after every clock this desk has made or seen.
    const node = db.prepare('SELECT client_id FROM sync_config WHERE id = 1').pluck().get() as string
    const latest = [
      db.prepare('SELECT hlc FROM change_log WHERE hlc IS NOT NULL ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined,
      db.prepare('SELECT hlc FROM sync_config WHERE id = 1').pluck().get() as string | null,
    ]
      .filter((hlc): hlc is string => Boolean(hlc))
      .sort()
      .at(-1)
    const now = Date.now()
    const last = latest ? decodeHlc(latest) : undefined
    let wallMs = Math.max(now, last?.wallMs ?? 0)
    let counter = last && last.wallMs === wallMs ? last.counter + 1 : 0
    const logChange = db.prepare("INSERT INTO change_log (entity, entity_id, op, fields, created_at, hlc) VALUES (?, ?, 'update', ?, ?, ?)")
    const log = (entity: string, entityId: string, fields: object) => {
      if (counter > 0xffff) {
        wallMs++
        counter = 0
      }
      logChange.run(entity, entityId, JSON.stringify(fields), now, encodeHlc({ wallMs, counter: counter++, node }))
    }

    // 1. Suggestions from what the readings captured.
    const unverified = db.prepare('SELECT rowid, kind, value, guest_id AS guestId, created_at AS createdAt FROM guest_identities WHERE verified = 0').all() as {
      rowid: number
      kind: string
      value: string
      guestId: string | null
      createdAt: number
    }[]
    const foundAt = new Map(unverified.map((identity) => [`${identity.kind}:${identity.value}`, identity.createdAt]))
    const covered = new Set<string>()
    // Only the captured lists are read (an insight also holds the guest's recent texts: a large desk's
    // would not fit in memory at once).
    const read = db
      .prepare(
        `SELECT id, json_extract(insight, '$.captured.emails') AS emails, json_extract(insight, '$.captured.phones') AS phones,
           coalesce(last_guest_message_at, created_at) AS at
         FROM conversations WHERE insight IS NOT NULL AND json_valid(insight)
           AND (json_array_length(insight, '$.captured.emails') > 0 OR json_array_length(insight, '$.captured.phones') > 0)`,
      )
      .all() as { id: string; emails: string | null; phones: string | null; at: number }[]
    const values = (list: string | null) => {
      try {
        const parsed: unknown = list === null ? [] : JSON.parse(list)
        return Array.isArray(parsed) ? parsed.filter((value): value is string => typeof value === 'string' && value !== '') : []
      } catch {
        return []
      }
    }
    for (const conversation of read) {
      for (const [kind, list] of [
        ['email', conversation.emails],
        ['phone', conversation.phones],
      ] as const) {
        for (const value of values(list)) {
          addSuggestion.run(idOf(conversation.id, kind, value), conversation.id, kind, value, foundAt.get(`${kind}:${value}`) ?? conversation.at)
          covered.add(`${kind}:${value}`)
        }
      }
    }
    const conversationsOfGuest = db.prepare('SELECT id FROM conversations WHERE guest_id = ?').pluck()
    for (const identity of unverified) {
      if (covered.has(`${identity.kind}:${identity.value}`) || !identity.guestId || (identity.kind !== 'email' && identity.kind !== 'phone')) continue
      for (const conversationId of conversationsOfGuest.all(identity.guestId) as string[]) {
        addSuggestion.run(idOf(conversationId, identity.kind, identity.value), conversationId, identity.kind, identity.value, identity.createdAt)
      }
    }

    // 2. Unverified identities leave, unless something verified vouches for them.
    const reservationNaming = db
      .prepare("SELECT guest_id FROM reservations WHERE (? = 'phone' AND phone = ?) OR (? = 'email' AND email = ?) ORDER BY updated_at DESC, id LIMIT 1")
      .pluck()
    const usedByConversation = db
      .prepare('SELECT 1 FROM conversations WHERE identity_rowid = ? UNION ALL SELECT 1 FROM onsite_contacts WHERE identity_rowid = ? LIMIT 1')
      .pluck()
    const setIdentity = db.prepare('UPDATE guest_identities SET verified = 1, guest_id = ? WHERE rowid = ?')
    const deleteIdentity = db.prepare('DELETE FROM guest_identities WHERE rowid = ?')
    for (const identity of unverified) {
      const booked = reservationNaming.get(identity.kind, identity.value, identity.kind, identity.value) as string | undefined
      if (booked) {
        setIdentity.run(booked, identity.rowid)
        if (booked !== identity.guestId) log('guest_identity', `${identity.kind}:${identity.value}`, { guestId: booked, verified: true })
      } else if (usedByConversation.get(identity.rowid, identity.rowid) !== undefined) {
        setIdentity.run(identity.guestId, identity.rowid)
      } else {
        deleteIdentity.run(identity.rowid)
      }
    }

    // 3. Links no reservation or onsite contact vouches for go; conversations follow their identity.
    const unvouched = db
      .prepare(
        `SELECT i.rowid, i.kind, i.value FROM guest_identities i
         WHERE i.guest_id IS NOT NULL AND i.kind IN ('phone', 'email')
           AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.guest_id = i.guest_id AND ((i.kind = 'phone' AND r.phone = i.value) OR (i.kind = 'email' AND r.email = i.value)))
           AND NOT EXISTS (SELECT 1 FROM onsite_contacts o WHERE o.identity_rowid = i.rowid AND o.guest_id = i.guest_id)`,
      )
      .all() as { rowid: number; kind: string; value: string }[]
    const unlink = db.prepare('UPDATE guest_identities SET guest_id = NULL WHERE rowid = ?')
    for (const identity of unvouched) {
      unlink.run(identity.rowid)
      log('guest_identity', `${identity.kind}:${identity.value}`, { guestId: null })
    }
    const strayed = db
      .prepare(
        `SELECT c.id, c.rowid, i.guest_id AS guestId, i.kind, i.value, g.first_name AS firstName, g.last_name AS lastName
         FROM conversations c JOIN guest_identities i ON i.rowid = c.identity_rowid LEFT JOIN guests g ON g.id = i.guest_id
         WHERE c.guest_id IS NOT i.guest_id`,
      )
      .all() as { id: string; rowid: number; guestId: string | null; kind: string; value: string; firstName: string | null; lastName: string | null }[]
    const setGuest = db.prepare('UPDATE conversations SET guest_id = ? WHERE id = ?')
    const setSearch = db.prepare('UPDATE conversation_search SET guest_text = ? WHERE rowid = ?')
    for (const conversation of strayed) {
      setGuest.run(conversation.guestId, conversation.id)
      log('conversation', conversation.id, { guestId: conversation.guestId })
      // As db/conversations.ts guestSearchText: name, identity, a phone's bare digits, lower case.
      const name = [conversation.firstName, conversation.lastName].filter(Boolean).join(' ')
      const parts = [name, conversation.value, conversation.kind === 'phone' ? conversation.value.replace(/\D/g, '') : '']
      setSearch.run(parts.filter(Boolean).join(' ').toLowerCase(), conversation.rowid)
    }
  },
}
