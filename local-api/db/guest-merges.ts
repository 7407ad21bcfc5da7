import type { Db } from './open.js'

/** What moved from the profile merged away to the kept one, on this desk. */
export interface GuestMergeMoved {
  /** guest_identities rowids (this desk's own). */
  identities: number[]
  conversations: string[]
  reservations: string[]
  leads: string[]
  onsiteContacts: string[]
}

/** Who merged or undid: a signed-in agent, or an API token by name; neither for the desk itself (or another desk). */
export interface MergeActor {
  agentId?: string | null
  tokenName?: string | null
}

export interface GuestMergeProfile {
  firstName: string | null
  lastName: string | null
  language: string | null
}

export interface GuestMerge {
  id: string
  keptGuestId: string
  goneGuestId: string
  /** The profile merged away, as it was. */
  gone: GuestMergeProfile & { createdAt: number; updatedAt: number }
  /** The kept profile's fields before the merge. */
  keptBefore: GuestMergeProfile
  moved: GuestMergeMoved
  mergedBy: { agentId: string | null; agentName: string | null; tokenName: string | null }
  reason: string | null
  /** null: made on this desk; else the desk whose merge this desk applied. */
  origin: string | null
  createdAt: number
  undoneAt: number | null
  undoneBy: { agentId: string | null; agentName: string | null; tokenName: string | null } | null
}

export type NewGuestMerge = Omit<GuestMerge, 'mergedBy' | 'undoneAt' | 'undoneBy'> & { mergedBy: MergeActor }

interface GuestMergeRow {
  id: string
  kept_guest_id: string
  gone_guest_id: string
  gone_first_name: string | null
  gone_last_name: string | null
  gone_language: string | null
  gone_created_at: number
  gone_updated_at: number
  kept_first_name: string | null
  kept_last_name: string | null
  kept_language: string | null
  moved: string
  merged_by_agent_id: string | null
  merged_by_agent_name: string | null
  merged_by_token: string | null
  reason: string | null
  origin: string | null
  created_at: number
  undone_at: number | null
  undone_by_agent_id: string | null
  undone_by_agent_name: string | null
  undone_by_token: string | null
}

const toMerge = (row: GuestMergeRow): GuestMerge => ({
  id: row.id,
  keptGuestId: row.kept_guest_id,
  goneGuestId: row.gone_guest_id,
  gone: {
    firstName: row.gone_first_name,
    lastName: row.gone_last_name,
    language: row.gone_language,
    createdAt: row.gone_created_at,
    updatedAt: row.gone_updated_at,
  },
  keptBefore: { firstName: row.kept_first_name, lastName: row.kept_last_name, language: row.kept_language },
  moved: JSON.parse(row.moved) as GuestMergeMoved,
  mergedBy: { agentId: row.merged_by_agent_id, agentName: row.merged_by_agent_name, tokenName: row.merged_by_token },
  reason: row.reason,
  origin: row.origin,
  createdAt: row.created_at,
  undoneAt: row.undone_at,
  undoneBy: row.undone_at === null ? null : { agentId: row.undone_by_agent_id, agentName: row.undone_by_agent_name, tokenName: row.undone_by_token },
})

const SELECT = `SELECT m.*, ma.name AS merged_by_agent_name, ua.name AS undone_by_agent_name FROM guest_merges m
  LEFT JOIN agents ma ON ma.id = m.merged_by_agent_id LEFT JOIN agents ua ON ua.id = m.undone_by_agent_id`

/** Guest merges as records, and the row moves a merge and its undo make. */
export function guestMergesRepository(db: Db) {
  const insert =
    db.prepare(`INSERT INTO guest_merges (id, kept_guest_id, gone_guest_id, gone_first_name, gone_last_name, gone_language, gone_created_at, gone_updated_at,
      kept_first_name, kept_last_name, kept_language, moved, merged_by_agent_id, merged_by_token, reason, origin, created_at)
    VALUES (@id, @keptGuestId, @goneGuestId, @goneFirstName, @goneLastName, @goneLanguage, @goneCreatedAt, @goneUpdatedAt,
      @keptFirstName, @keptLastName, @keptLanguage, @moved, @mergedByAgentId, @mergedByToken, @reason, @origin, @createdAt)`)
  const byId = db.prepare(`${SELECT} WHERE m.id = ?`)
  const ofGuest = db.prepare(`${SELECT} WHERE m.rowid IN (
      SELECT rowid FROM guest_merges WHERE kept_guest_id = @guestId UNION SELECT rowid FROM guest_merges WHERE gone_guest_id = @guestId)
    ORDER BY m.created_at DESC, m.rowid DESC LIMIT @limit`)
  const recent = db.prepare(`${SELECT} ORDER BY m.created_at DESC, m.rowid DESC LIMIT ?`)
  const markUndone = db.prepare(
    'UPDATE guest_merges SET undone_at = @at, undone_by_agent_id = @agentId, undone_by_token = @tokenName WHERE id = @id AND undone_at IS NULL',
  )
  const activeOfPair = db
    .prepare('SELECT id FROM guest_merges WHERE kept_guest_id = ? AND gone_guest_id = ? AND undone_at IS NULL AND id <> ? ORDER BY id LIMIT 1')
    .pluck()
  const allActiveOfPair = db.prepare(`${SELECT} WHERE m.kept_guest_id = ? AND m.gone_guest_id = ? AND m.undone_at IS NULL ORDER BY m.id`)
  const setMoved = db.prepare('UPDATE guest_merges SET moved = ? WHERE id = ?')
  const undoneOfPair = db.prepare('SELECT 1 FROM guest_merges WHERE kept_guest_id = ? AND gone_guest_id = ? AND undone_at IS NOT NULL LIMIT 1').pluck()

  const moving = {
    identities: db.prepare('SELECT rowid FROM guest_identities WHERE guest_id = ? ORDER BY rowid').pluck(),
    conversations: db.prepare('SELECT id FROM conversations WHERE guest_id = ? ORDER BY id').pluck(),
    reservations: db.prepare('SELECT id FROM reservations WHERE guest_id = ? ORDER BY id').pluck(),
    leads: db.prepare('SELECT id FROM leads WHERE guest_id = ? ORDER BY id').pluck(),
    onsiteContacts: db.prepare('SELECT id FROM onsite_contacts WHERE guest_id = ? ORDER BY id').pluck(),
  }
  // Back to the restored profile: only what still sits on the kept profile (or on the profile it
  // resolves to now), so nothing moved since by a later merge or an edit is taken along.
  const moveBack = {
    identities: db.prepare('UPDATE guest_identities SET guest_id = @gone WHERE rowid = @key AND guest_id IN (@kept, @keptNow)'),
    conversations: db.prepare('UPDATE conversations SET guest_id = @gone WHERE id = @key AND guest_id IN (@kept, @keptNow)'),
    reservations: db.prepare('UPDATE reservations SET guest_id = @gone WHERE id = @key AND guest_id IN (@kept, @keptNow)'),
    leads: db.prepare('UPDATE leads SET guest_id = @gone WHERE id = @key AND guest_id IN (@kept, @keptNow)'),
    // A contact set aside by the merge (its account already had one for the kept profile) comes back too.
    onsiteContacts: db.prepare('UPDATE onsite_contacts SET guest_id = @gone WHERE id = @key AND (guest_id IS NULL OR guest_id IN (@kept, @keptNow))'),
  }

  const references = {
    identities: db.prepare('SELECT rowid, kind, value FROM guest_identities WHERE guest_id = ? ORDER BY rowid'),
    conversations: moving.conversations,
    reservations: moving.reservations,
    leads: moving.leads,
  }
  const setGuestOf = {
    identities: db.prepare('UPDATE guest_identities SET guest_id = ? WHERE rowid = ?'),
    conversations: db.prepare('UPDATE conversations SET guest_id = ? WHERE id = ?'),
    reservations: db.prepare('UPDATE reservations SET guest_id = ? WHERE id = ?'),
    leads: db.prepare('UPDATE leads SET guest_id = ? WHERE id = ?'),
  }

  return {
    /** The synced rows that name a profile (identities with their key). */
    referencesTo(guestId: string) {
      return {
        identities: references.identities.all(guestId) as { rowid: number; kind: string; value: string }[],
        conversations: references.conversations.all(guestId) as string[],
        reservations: references.reservations.all(guestId) as string[],
        leads: references.leads.all(guestId) as string[],
      }
    },
    /** Points one synced row at another profile (which must exist). */
    setGuestOf(table: keyof typeof setGuestOf, key: string | number, guestId: string): void {
      setGuestOf[table].run(guestId, key)
    },
    /** What a merge of profile `goneId` would move: everything that refers to it. */
    whatMoves(goneId: string): GuestMergeMoved {
      return {
        identities: moving.identities.all(goneId) as number[],
        conversations: moving.conversations.all(goneId) as string[],
        reservations: moving.reservations.all(goneId) as string[],
        leads: moving.leads.all(goneId) as string[],
        onsiteContacts: moving.onsiteContacts.all(goneId) as string[],
      }
    },
    insert(merge: NewGuestMerge): void {
      insert.run({
        id: merge.id,
        keptGuestId: merge.keptGuestId,
        goneGuestId: merge.goneGuestId,
        goneFirstName: merge.gone.firstName,
        goneLastName: merge.gone.lastName,
        goneLanguage: merge.gone.language,
        goneCreatedAt: merge.gone.createdAt,
        goneUpdatedAt: merge.gone.updatedAt,
        keptFirstName: merge.keptBefore.firstName,
        keptLastName: merge.keptBefore.lastName,
        keptLanguage: merge.keptBefore.language,
        moved: JSON.stringify(merge.moved),
        mergedByAgentId: merge.mergedBy.agentId ?? null,
        mergedByToken: merge.mergedBy.tokenName ?? null,
        reason: merge.reason,
        origin: merge.origin,
        createdAt: merge.createdAt,
      })
    },
    get(id: string): GuestMerge | undefined {
      const row = byId.get(id) as GuestMergeRow | undefined
      return row && toMerge(row)
    },
    /** Merges that kept or merged away this profile, newest first. */
    ofGuest(guestId: string, limit: number): GuestMerge[] {
      return (ofGuest.all({ guestId, limit }) as GuestMergeRow[]).map(toMerge)
    },
    recent(limit: number): GuestMerge[] {
      return (recent.all(limit) as GuestMergeRow[]).map(toMerge)
    },
    /** False when it was undone already. */
    markUndone(id: string, at: number, by: MergeActor): boolean {
      return markUndone.run({ id, at, agentId: by.agentId ?? null, tokenName: by.tokenName ?? null }).changes === 1
    },
    /** Another merge of the same two profiles still in force (two desks merged them at once), if any. */
    otherActiveOfPair: (keptGuestId: string, goneGuestId: string, id: string) => activeOfPair.get(keptGuestId, goneGuestId, id) as string | undefined,
    /** Every merge of these two profiles in force. */
    activeOfPair: (keptGuestId: string, goneGuestId: string) => (allActiveOfPair.all(keptGuestId, goneGuestId) as GuestMergeRow[]).map(toMerge),
    setMoved: (id: string, moved: GuestMergeMoved) => void setMoved.run(JSON.stringify(moved), id),
    /** Whether staff (or a desk) once undid a merge of these two profiles. */
    wasSplit: (keptGuestId: string, goneGuestId: string) => undoneOfPair.get(keptGuestId, goneGuestId) !== undefined,
    /** Puts what the merge moved back on profile `gone` (which must exist again). */
    moveBack(merge: GuestMerge, keptNow: string): void {
      const params = { gone: merge.goneGuestId, kept: merge.keptGuestId, keptNow }
      for (const key of merge.moved.identities) moveBack.identities.run({ ...params, key })
      for (const key of merge.moved.conversations) moveBack.conversations.run({ ...params, key })
      for (const key of merge.moved.reservations) moveBack.reservations.run({ ...params, key })
      for (const key of merge.moved.leads) moveBack.leads.run({ ...params, key })
      for (const key of merge.moved.onsiteContacts) moveBack.onsiteContacts.run({ ...params, key })
    },
  }
}

export type GuestMergesRepository = ReturnType<typeof guestMergesRepository>
