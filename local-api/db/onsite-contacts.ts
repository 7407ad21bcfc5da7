import type { Db } from './open.js'

/** A contact known to a channel account; `guestId` is its guest profile (text-call's contact_id). */
export interface OnsiteContact {
  id: string
  channelAccountId: string
  sn: string | null
  guestId: string | null
  identityRowid: number
  createdAt: number
}

interface OnsiteContactRow {
  id: string
  channel_account_id: string
  sn: string | null
  guest_id: string | null
  identity_rowid: number
  created_at: number
}

const toOnsiteContact = (row: OnsiteContactRow): OnsiteContact => ({
  id: row.id,
  channelAccountId: row.channel_account_id,
  sn: row.sn,
  guestId: row.guest_id,
  identityRowid: row.identity_rowid,
  createdAt: row.created_at,
})

export function onsiteContactsRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO onsite_contacts (id, channel_account_id, sn, guest_id, identity_rowid, created_at)
    VALUES (@id, @channelAccountId, @sn, @guestId, @identityRowid, @createdAt)`)
  const byId = db.prepare('SELECT * FROM onsite_contacts WHERE id = ?')
  const bySn = db.prepare('SELECT * FROM onsite_contacts WHERE channel_account_id = ? AND sn = ?')
  const byGuest = db.prepare('SELECT * FROM onsite_contacts WHERE channel_account_id = ? AND guest_id = ?')

  return {
    insert(contact: OnsiteContact): void {
      insert.run(contact)
    },
    get(id: string): OnsiteContact | undefined {
      const row = byId.get(id) as OnsiteContactRow | undefined
      return row && toOnsiteContact(row)
    },
    bySn(channelAccountId: string, sn: string): OnsiteContact | undefined {
      const row = bySn.get(channelAccountId, sn) as OnsiteContactRow | undefined
      return row && toOnsiteContact(row)
    },
    byGuest(channelAccountId: string, guestId: string): OnsiteContact | undefined {
      const row = byGuest.get(channelAccountId, guestId) as OnsiteContactRow | undefined
      return row && toOnsiteContact(row)
    },
  }
}
