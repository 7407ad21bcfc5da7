import type { IdentityKind } from '../domain/identity.js'
import type { Db } from './open.js'

export interface Guest {
  id: string
  firstName: string | null
  lastName: string | null
  language: string | null
  createdAt: number
  updatedAt: number
}

export interface GuestIdentity {
  rowid: number
  kind: IdentityKind
  value: string
  guestId: string | null
}

interface GuestRow {
  id: string
  first_name: string | null
  last_name: string | null
  language: string | null
  created_at: number
  updated_at: number
}

interface IdentityRow {
  rowid: number
  kind: IdentityKind
  value: string
  guest_id: string | null
}

const toGuest = (row: GuestRow): Guest => ({
  id: row.id,
  firstName: row.first_name,
  lastName: row.last_name,
  language: row.language,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

const toIdentity = (row: IdentityRow): GuestIdentity => ({
  rowid: row.rowid,
  kind: row.kind,
  value: row.value,
  guestId: row.guest_id,
})

export function guestsRepository(db: Db) {
  const insertGuest = db.prepare(
    'INSERT INTO guests (id, first_name, last_name, language, created_at, updated_at) VALUES (@id, @firstName, @lastName, @language, @createdAt, @updatedAt)',
  )
  const updateGuest = db.prepare(
    'UPDATE guests SET first_name = @firstName, last_name = @lastName, language = @language, updated_at = @updatedAt WHERE id = @id',
  )
  const guestById = db.prepare('SELECT * FROM guests WHERE id = ?')
  const identityByValue = db.prepare('SELECT rowid, kind, value, guest_id FROM guest_identities WHERE kind = ? AND value = ?')
  const insertIdentity = db.prepare(
    'INSERT INTO guest_identities (kind, value, guest_id, created_at, verified) VALUES (?, ?, ?, ?, ?) RETURNING rowid, kind, value, guest_id',
  )
  const linkIdentity = db.prepare('UPDATE guest_identities SET guest_id = ? WHERE rowid = ? AND guest_id IS NULL')
  const setIdentityGuest = db.prepare('UPDATE guest_identities SET guest_id = ?, verified = ? WHERE rowid = ?')
  const identitiesOfGuest = db.prepare('SELECT rowid, kind, value, guest_id FROM guest_identities WHERE guest_id = ? ORDER BY rowid')
  const referencesToGuest = [
    'UPDATE guest_identities SET guest_id = ? WHERE guest_id = ?',
    'UPDATE conversations SET guest_id = ? WHERE guest_id = ?',
    'UPDATE reservations SET guest_id = ? WHERE guest_id = ?',
    'UPDATE leads SET guest_id = ? WHERE guest_id = ?',
    'UPDATE onsite_contacts SET guest_id = ? WHERE guest_id = ?',
  ].map((sql) => db.prepare(sql))
  // One onsite contact per channel account and profile: the merged-away profile's contact on an
  // account the kept profile has one on already is set aside (no profile) rather than clash.
  const setAsideOnsiteContacts = db.prepare(
    'UPDATE onsite_contacts SET guest_id = NULL WHERE guest_id = ? AND channel_account_id IN (SELECT channel_account_id FROM onsite_contacts WHERE guest_id = ?)',
  )
  const deleteGuest = db.prepare('DELETE FROM guests WHERE id = ?')

  return {
    insert(guest: Guest): void {
      insertGuest.run(guest)
    },
    update(guest: Guest): void {
      updateGuest.run(guest)
    },
    /** Writes a profile as another desk has it (sync): made if missing, else its fields taken over. */
    fromSync(guest: Guest): void {
      if (guestById.get(guest.id)) updateGuest.run(guest)
      else insertGuest.run(guest)
    },
    get(id: string): Guest | undefined {
      const row = guestById.get(id) as GuestRow | undefined
      return row && toGuest(row)
    },
    findIdentity(kind: IdentityKind, value: string): GuestIdentity | undefined {
      const row = identityByValue.get(kind, value) as IdentityRow | undefined
      return row && toIdentity(row)
    },
    /** `verified` false: found in what the guest wrote, not given to a system. */
    insertIdentity(kind: IdentityKind, value: string, guestId: string | null, now: number, verified = true): GuestIdentity {
      return toIdentity(insertIdentity.get(kind, value, guestId, now, verified ? 1 : 0) as IdentityRow)
    },
    /**
     * An identity as another desk has it (sync): made if this desk has not seen it; its profile link
     * and verification set when the other desk says (`guestId` given). Returns its rowid (this desk's own).
     */
    identityFromSync(kind: IdentityKind, value: string, link: { guestId?: string | null; verified?: boolean }, createdAt: number): number {
      const row = identityByValue.get(kind, value) as IdentityRow | undefined
      if (!row) return (insertIdentity.get(kind, value, link.guestId ?? null, createdAt, link.verified === false ? 0 : 1) as IdentityRow).rowid
      if (link.guestId !== undefined) setIdentityGuest.run(link.guestId, link.verified === false ? 0 : 1, row.rowid)
      return row.rowid
    },
    /** Links an identity that has no profile yet; one already linked keeps its profile. */
    linkIdentity(identityRowid: number, guestId: string): boolean {
      return linkIdentity.run(guestId, identityRowid).changes === 1
    },
    /** Everything of profile `sourceId` (identities, conversations, reservations, leads) becomes `targetId`'s; the source is deleted. */
    mergeInto(sourceId: string, targetId: string): void {
      setAsideOnsiteContacts.run(sourceId, targetId)
      for (const statement of referencesToGuest) statement.run(targetId, sourceId)
      deleteGuest.run(sourceId)
    },
    identitiesOf(guestId: string): GuestIdentity[] {
      return (identitiesOfGuest.all(guestId) as IdentityRow[]).map(toIdentity)
    },
  }
}
