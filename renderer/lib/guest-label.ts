import type { TFunction } from 'i18next'
import type { Conversation } from '@api-contract'

/**
 * What to call the guest of a conversation: their name; else the phone or email they wrote from;
 * else, for a channel account's visitor, its serial number and account.
 */
export function guestLabel(conversation: Pick<Conversation, 'guest' | 'source'>, t: TFunction): string {
  const { name, identity } = conversation.guest
  if (name) return name
  if (identity?.type === 'phone' || identity?.type === 'email') return identity.value
  const { onsiteContact, channelAccount } = conversation.source
  if (onsiteContact) {
    const visitor = onsiteContact.sn ? t('guest.visitorSn', { sn: onsiteContact.sn }) : t('guest.visitor')
    return channelAccount ? `${visitor} · ${channelAccount.name}` : visitor
  }
  return t('guest.unknown')
}
