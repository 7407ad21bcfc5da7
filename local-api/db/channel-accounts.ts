import type { Channel } from '../domain/channels.js'
import type { Db } from './open.js'

/** A channel source of a property, e.g. "Japan website": the text-call dialect's onsite account. */
export interface ChannelAccount {
  id: string
  propertyId: string
  channel: Channel
  code: string
  name: string
  createdAt: number
}

interface ChannelAccountRow {
  id: string
  property_id: string
  channel: Channel
  code: string
  name: string
  created_at: number
}

const toChannelAccount = (row: ChannelAccountRow): ChannelAccount => ({
  id: row.id,
  propertyId: row.property_id,
  channel: row.channel,
  code: row.code,
  name: row.name,
  createdAt: row.created_at,
})

export function channelAccountsRepository(db: Db) {
  const insert = db.prepare(
    'INSERT INTO channel_accounts (id, property_id, channel, code, name, created_at) VALUES (@id, @propertyId, @channel, @code, @name, @createdAt)',
  )
  const update = db.prepare('UPDATE channel_accounts SET channel = @channel, code = @code, name = @name WHERE id = @id')
  const byId = db.prepare('SELECT * FROM channel_accounts WHERE id = ?')
  const byCode = db.prepare('SELECT * FROM channel_accounts WHERE code = ? ORDER BY rowid')
  const all = db.prepare('SELECT * FROM channel_accounts ORDER BY property_id, name')

  return {
    insert(account: ChannelAccount): void {
      insert.run(account)
    },
    update(account: ChannelAccount): void {
      update.run(account)
    },
    get(id: string): ChannelAccount | undefined {
      const row = byId.get(id) as ChannelAccountRow | undefined
      return row && toChannelAccount(row)
    },
    /** Accounts with this code (one per property at most). */
    byCode(code: string): ChannelAccount[] {
      return (byCode.all(code) as ChannelAccountRow[]).map(toChannelAccount)
    },
    list(): ChannelAccount[] {
      return (all.all() as ChannelAccountRow[]).map(toChannelAccount)
    },
  }
}
