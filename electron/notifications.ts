// Which desk events become OS notifications, and their words. Pure, tested under Node.
import type { DeskFeedItem } from './desk-feed-types.js'

export interface DeskAttention {
  /** The agent signed in on this desk, if any: their own notifications show. */
  agentId: string | null
  windowFocused: boolean
  /** The conversation open in the window. */
  openConversationId: string | null
}

export interface OsNotification {
  title: string
  body: string
  /** Opened when the notification is clicked. */
  conversationId: string | null
}

const BODY_LIMIT = 140
const shorten = (text: string) => (text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT - 1).trimEnd()}…` : text)

const AGENT_TITLES = {
  assigned: 'Assigned to you',
  handover: 'The AI agent needs a person',
  queued: 'A guest is waiting in the queue',
  snooze_ended: 'A snoozed conversation is open again',
  mention: 'A colleague mentioned you in a note',
  reminder: 'A guest is still waiting for a reply',
} as const

/**
 * A guest message notifies when staff must answer it — the conversation is in human mode and
 * is not someone else's — unless the agent is already looking at it. Notifications addressed to an
 * agent (assignments, handovers) show to that agent only.
 */
export function osNotificationFor(item: DeskFeedItem, attention: DeskAttention): OsNotification | null {
  if (item.type === 'guest-message') {
    if (item.mode !== 'human') return null
    if (item.assignedAgentId !== null && attention.agentId !== null && item.assignedAgentId !== attention.agentId) return null
    if (attention.windowFocused && attention.openConversationId === item.conversationId) return null
    return { title: item.guestLabel, body: shorten(item.preview), conversationId: item.conversationId }
  }
  if (item.type === 'agent-notification') {
    if (item.agentId !== attention.agentId) return null
    return { title: AGENT_TITLES[item.kind], body: shorten(item.text), conversationId: item.conversationId }
  }
  return null
}

export type Platform = 'darwin' | 'win32' | 'linux' | (string & {})

export interface UnreadBadge {
  /** The dock / Unity launcher count (0 hides it). */
  count: number
  /** Windows' taskbar overlay: its description, or null for none. */
  overlay: string | null
  /** Next to the tray icon on macOS. */
  trayTitle: string
  trayTooltip: string
}

export const badgeLabel = (count: number) => (count > 99 ? '99+' : String(count))

/** How the unread count shows on this platform. */
export function unreadBadge(count: number, platform: Platform): UnreadBadge {
  const unread = Math.max(0, Math.floor(count))
  const words = unread === 0 ? 'no unread messages' : unread === 1 ? '1 unread message' : `${unread} unread messages`
  return {
    count: platform === 'win32' ? 0 : unread,
    overlay: platform === 'win32' && unread > 0 ? words : null,
    trayTitle: platform === 'darwin' && unread > 0 ? badgeLabel(unread) : '',
    trayTooltip: `Frontdesk Inbox — ${words}`,
  }
}
