import type { SuggestionStatus } from '../domain/contact-suggestions.js'
import type { ContactKind, IdentityKind } from '../domain/identity.js'
import type { Db } from './open.js'

/** A contact a guest wrote in a conversation, kept apart from the guest's verified identities. */
export interface ContactSuggestion {
  id: string
  conversationId: string
  kind: ContactKind
  value: string
  foundAt: number
  /** Staff's decision; whether a link still holds follows the profiles (services/contact-suggestions.ts). */
  status: SuggestionStatus
  decidedBy: string | null
  decidedAt: number | null
}

interface Row {
  id: string
  conversation_id: string
  kind: ContactKind
  value: string
  found_at: number
  status: SuggestionStatus
  decided_by: string | null
  decided_at: number | null
}

const toSuggestion = (row: Row): ContactSuggestion => ({
  id: row.id,
  conversationId: row.conversation_id,
  kind: row.kind,
  value: row.value,
  foundAt: row.found_at,
  status: row.status,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
})

export function contactSuggestionsRepository(db: Db) {
  const insert = db.prepare('INSERT OR IGNORE INTO contact_suggestions (id, conversation_id, kind, value, found_at) VALUES (?, ?, ?, ?, ?)')
  const byId = db.prepare('SELECT * FROM contact_suggestions WHERE id = ?')
  const ofConversation = db.prepare('SELECT * FROM contact_suggestions WHERE conversation_id = ? ORDER BY found_at, id')
  const decide = db.prepare('UPDATE contact_suggestions SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?')
  const upsert = db.prepare(`
    INSERT INTO contact_suggestions (id, conversation_id, kind, value, found_at, status, decided_by, decided_at)
    VALUES (@id, @conversationId, @kind, @value, @foundAt, @status, @decidedBy, @decidedAt)
    ON CONFLICT (id) DO UPDATE SET found_at = CASE WHEN excluded.found_at > 0 THEN excluded.found_at ELSE found_at END, status = excluded.status,
      decided_by = excluded.decided_by, decided_at = excluded.decided_at`)
  const move = db.prepare('UPDATE OR IGNORE contact_suggestions SET conversation_id = ? WHERE conversation_id = ?')
  const dropOf = db.prepare('DELETE FROM contact_suggestions WHERE conversation_id = ?')
  const verify = db.prepare('UPDATE guest_identities SET verified = 1, guest_id = NULL WHERE rowid = ? AND verified = 0')
  const verifiedOwner = db.prepare('SELECT guest_id FROM guest_identities WHERE kind = ? AND value = ? AND verified = 1').pluck()

  return {
    /** Records a contact found in the guest's words; false when the conversation already has it. */
    found(id: string, conversationId: string, kind: ContactKind, value: string, foundAt: number): boolean {
      return insert.run(id, conversationId, kind, value, foundAt).changes === 1
    },
    get(id: string): ContactSuggestion | undefined {
      const row = byId.get(id) as Row | undefined
      return row && toSuggestion(row)
    },
    ofConversation(conversationId: string): ContactSuggestion[] {
      return (ofConversation.all(conversationId) as Row[]).map(toSuggestion)
    },
    decide(id: string, status: SuggestionStatus, decidedBy: string, decidedAt: number): void {
      decide.run(status, decidedBy, decidedAt, id)
    },
    /** Writes a suggestion as another desk has it (sync): made if missing, the decision taken over. */
    fromSync(suggestion: ContactSuggestion): void {
      upsert.run(suggestion)
    },
    /** A conversation merged into another (sync): its suggestions go along. */
    moveConversation(from: string, to: string): void {
      move.run(to, from)
      dropOf.run(from)
    },
    /** An unverified identity a verified source now gives: verified, without the profile text gave it. */
    verifyIdentity(rowid: number): void {
      verify.run(rowid)
    },
    /**
     * The profile that holds this value as a verified identity (a reservation push, the channel the
     * guest writes from, a staff link), or undefined: null when the identity is known but has no profile.
     */
    verifiedOwner(kind: IdentityKind, value: string): string | null | undefined {
      return verifiedOwner.get(kind, value) as string | null | undefined
    },
  }
}
