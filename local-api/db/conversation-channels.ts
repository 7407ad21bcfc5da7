import { CHANNELS, type Channel } from '../domain/channels.js'
import type { Db } from './open.js'

/**
 * The channels the desk has conversations on. Channels are a short closed list: one index probe
 * each (conversations_by_channel_activity) answers in microseconds, however many conversations there are.
 */
export function conversationChannelsRepository(db: Db) {
  const anyOnChannel = db.prepare('SELECT 1 FROM conversations WHERE channel = ? LIMIT 1').pluck()
  const anyOnChannelOfProperty = db.prepare('SELECT 1 FROM conversations WHERE channel = ? AND property_id = ? LIMIT 1').pluck()
  return {
    /** In the contract's order; only those of one property when given. */
    inUse(propertyId?: string | null): Channel[] {
      return CHANNELS.filter((channel) => (propertyId ? anyOnChannelOfProperty.get(channel, propertyId) : anyOnChannel.get(channel)) !== undefined)
    },
  }
}
