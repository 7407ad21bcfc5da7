/** A conversation is active for 24 h after the guest's last message, then expired. */
export const SESSION_WINDOW_MS = 24 * 60 * 60 * 1000

export type ConversationStatus = 'active' | 'expired'

export function conversationStatus(lastGuestMessageAt: number | null, now: number): ConversationStatus {
  return lastGuestMessageAt !== null && lastGuestMessageAt > now - SESSION_WINDOW_MS ? 'active' : 'expired'
}

/** The earliest last-guest-message time that still counts as active at `now`. */
export function activeSince(now: number): number {
  return now - SESSION_WINDOW_MS
}

/**
 * What staff may send, by channel and session window. WhatsApp: free text inside the 24 h window,
 * only approved templates after it. Messenger and Instagram: nothing after it. Elsewhere the
 * window is a courtesy: replies go, with a warning.
 */
export type ReplyWindow = 'open' | 'approved-templates-only' | 'closed' | 'open-with-warning'

export function replyWindow(channel: string, status: ConversationStatus): ReplyWindow {
  if (status === 'active') return 'open'
  if (channel === 'whatsapp') return 'approved-templates-only'
  if (channel === 'facebook' || channel === 'instagram') return 'closed'
  return 'open-with-warning'
}
