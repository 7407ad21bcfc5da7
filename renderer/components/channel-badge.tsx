import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Channel } from '@api-contract'

/** The channel as a small coloured label (colours in styles.css, one per channel). */
export function ChannelBadge({ channel }: { channel: Channel }) {
  const { t } = useTranslation()
  return <ChannelBadgeLabel channel={channel} t={t} />
}

/**
 * The same label worded with the caller's `t`: a long list's rows share their list's translation
 * hook rather than each holding one of their own (a measurable part of the inbox's first render).
 */
export function ChannelBadgeLabel({ channel, t }: { channel: Channel; t: TFunction }) {
  return <span className={`channel-badge channel-${channel}`}>{t(`channel.${channel}`)}</span>
}
