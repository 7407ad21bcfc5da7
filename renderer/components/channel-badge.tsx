import { useTranslation } from 'react-i18next'
import type { Channel } from '@api-contract'

/** The channel as a small coloured label (colours in styles.css, one per channel); the list's rows use ChannelIcon. */
export function ChannelBadge({ channel }: { channel: Channel }) {
  const { t } = useTranslation()
  return <span className={`channel-badge channel-${channel}`}>{t(`channel.${channel}`)}</span>
}
