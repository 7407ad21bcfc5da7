import type { Message } from '../../api/dto.js'

/** A guest session lasts 24 h from the guest's message; one written later opens a new session. */
export const SESSION_WINDOW_MS = 24 * 60 * 60 * 1000

export type ChatItem = { kind: 'message'; message: Message } | { kind: 'session'; startedAt: string }

/**
 * The chat in time order with a divider before each guest message that starts a new session:
 * the first guest message, and any written more than 24 h after the guest's previous one.
 */
export function withSessionDividers(oldestFirst: readonly Message[]): ChatItem[] {
  const items: ChatItem[] = []
  let lastGuestAt: number | null = null
  for (const message of oldestFirst) {
    if (message.direction === 'in') {
      const at = Date.parse(message.createdAt)
      if (lastGuestAt === null || at - lastGuestAt > SESSION_WINDOW_MS) items.push({ kind: 'session', startedAt: message.createdAt })
      lastGuestAt = at
    }
    items.push({ kind: 'message', message })
  }
  return items
}
