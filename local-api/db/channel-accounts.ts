import type { Channel } from '../domain/channels.js'
import type { Db } from './open.js'

/** A channel source of a property, e.g. "Japan website": the text-call dialect's onsite account. */
export interface ChannelAccount {
  id: string
  propertyId: string
  channel: Channel
  code: string
  name: string
  /** Where replies in its conversations are POSTed, signed with the secret. */
  webhookUrl: string | null
  webhookSecret: string | null
  createdAt: number
}

interface ChannelAccountRow {
  id: string
  property_id: string
  channel: Channel
  code: string
  name: string
  webhook_url: string | null
  webhook_secret: string | null
  created_at: number
}

const toChannelAccount = (row: ChannelAccountRow): ChannelAccount => ({
  id: row.id,
  propertyId: row.property_id,
  channel: row.channel,
  code: row.code,
  name: row.name,
  webhookUrl: row.webhook_url,
  webhookSecret: row.webhook_secret,
  createdAt: row.created_at,
})

export function channelAccountsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO channel_accounts (id, property_id, channel, code, name, webhook_url, webhook_secret, created_at)
     VALUES (@id, @propertyId, @channel, @code, @name, @webhookUrl, @webhookSecret, @createdAt)`,
  )
  const update = db.prepare(
    'UPDATE channel_accounts SET channel = @channel, code = @code, name = @name, webhook_url = @webhookUrl, webhook_secret = @webhookSecret WHERE id = @id',
  )
  const forChannel = db.prepare('SELECT * FROM channel_accounts WHERE property_id = ? AND channel = ? ORDER BY rowid LIMIT 1')
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
    /** The property's first account for a channel: where replies go for conversations that came without one. */
    forChannel(propertyId: string, channel: Channel): ChannelAccount | undefined {
      const row = forChannel.get(propertyId, channel) as ChannelAccountRow | undefined
      return row && toChannelAccount(row)
    },
    list(): ChannelAccount[] {
      return (all.all() as ChannelAccountRow[]).map(toChannelAccount)
    },
  }
}
