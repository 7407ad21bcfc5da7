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
