import type { TFunction } from 'i18next'
import type { Channel } from '@api-contract'

/** One small glyph per channel, drawn on a 16×16 grid with strokes (no icon font, nothing to load). */
const GLYPHS: Record<Channel, string> = {
  // A speech bubble.
  web_chat: 'M3 4h10v6.5H7L4.5 13v-2.5H3z',
  // A handset.
  phone: 'M4.5 2.5l2 2.5-1.2 1.6c.7 1.6 1.9 2.8 3.6 3.6L10.5 9l2.5 2-1 2.2C7.3 13 3 8.7 2.8 3.5z',
  // A round bubble with its tail at the bottom left.
  whatsapp: 'M8 2.5a5.5 5.5 0 1 1-2.9 10.2L2.5 13.5l.8-2.5A5.5 5.5 0 0 1 8 2.5z',
  // The letter f.
  facebook: 'M10.5 2.5H9A2 2 0 0 0 7 4.5v9M5 7h5',
  // A rounded square, a lens and a dot.
  instagram: 'M4.5 2.5h7a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2h-7a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2zM8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM11.2 4.7h.1',
  // A bubble with three dots.
  sms: 'M2.5 3.5h11v7.5H7l-3 2.5V11H2.5zM5.5 7.3h.1M8 7.3h.1M10.5 7.3h.1',
  // An envelope.
  email: 'M2.5 4h11v8h-11zM2.5 4.5 8 8.7l5.5-4.2',
  // A phone-sized screen.
  guest_app: 'M5 2h6v12H5zM7.3 12h1.4',
}

/**
 * The channel as an icon in its colour, named for screen readers and with its name as a tooltip: the
 * list's rows say where each conversation came from in the room of a word. Takes the caller's `t`
 * (rows share their list's).
 */
export function ChannelIcon({ channel, t }: { channel: Channel; t: TFunction }) {
  const name = t(`channel.${channel}`)
  return (
    <span className={`channel-icon channel-${channel}`} role="img" aria-label={name} title={name}>
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <path d={GLYPHS[channel]} />
      </svg>
    </span>
  )
}
