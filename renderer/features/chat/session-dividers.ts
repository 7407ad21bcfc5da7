import type { ConversationEvent, Message } from '../../../api-contract/index.js'

/** A guest session lasts 24 h from the guest's message; one written later opens a new session. */
export const SESSION_WINDOW_MS = 24 * 60 * 60 * 1000

export type ChatItem = { kind: 'message'; message: Message } | { kind: 'session'; startedAt: string } | { kind: 'event'; event: ConversationEvent }

/**
 * The chat in time order with a divider before each guest message that starts a new session:
 * the first guest message, and any written more than 24 h after the guest's previous one; and
 * the conversation's timeline events (takeovers, assignments…) where they happened. While older
 * messages are still to load (`complete` false), whether the oldest loaded guest message opened a
 * session is not known yet: it gets no divider until they are in.
 */
export function withSessionDividers(oldestFirst: readonly Message[], events: readonly ConversationEvent[] = [], complete = true): ChatItem[] {
  const items: ChatItem[] = []
  let lastGuestAt: number | null = null
  // Timeline events join the messages in time order; while older messages are still to load,
  // only the events after the oldest loaded message have their place yet.
  const since = complete || oldestFirst.length === 0 ? -Infinity : Date.parse(oldestFirst[0]!.createdAt)
  const pending = events.filter((event) => Date.parse(event.createdAt) >= since)
  const flushEventsBefore = (at: number) => {
    while (pending.length && Date.parse(pending[0]!.createdAt) <= at) items.push({ kind: 'event', event: pending.shift()! })
  }
  for (const message of oldestFirst) {
    const at = Date.parse(message.createdAt)
    flushEventsBefore(at - 1)
    if (message.direction === 'in') {
      if (lastGuestAt === null ? complete : at - lastGuestAt > SESSION_WINDOW_MS) items.push({ kind: 'session', startedAt: message.createdAt })
      lastGuestAt = at
    }
    items.push({ kind: 'message', message })
  }
  flushEventsBefore(Infinity)
  return items
}
