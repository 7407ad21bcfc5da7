// A conversation's summary (the list row's last activity, preview, direction, unread and message
// counts) as its messages make it: one function, used when messages are ingested, replicated from
// another desk, or recounted after a sync merge, so every desk shows the same row.
import type { Direction } from './channels.js'
import { contentPreview, type MessageContent } from './message-content.js'

/** What some messages add to a conversation's summary. */
export interface SummaryDelta {
  lastMessageAt: number
  preview: string
  direction: Direction
  lastGuestMessageAt: number | null
  unread: number
  messages: number
}

export interface SummarizedMessage {
  direction: Direction
  createdAt: number
  content: MessageContent
}

/** The summary with one more message; the latest message (the later one, on a tie) gives the preview. */
export function addToSummary(summary: SummaryDelta | undefined, message: SummarizedMessage): SummaryDelta {
  const fromGuest = message.direction === 'in'
  const isLatest = !summary || message.createdAt >= summary.lastMessageAt
  return {
    lastMessageAt: isLatest ? message.createdAt : summary.lastMessageAt,
    preview: isLatest ? contentPreview(message.content) : summary.preview,
    direction: isLatest ? message.direction : summary.direction,
    lastGuestMessageAt: fromGuest ? Math.max(summary?.lastGuestMessageAt ?? message.createdAt, message.createdAt) : (summary?.lastGuestMessageAt ?? null),
    unread: (summary?.unread ?? 0) + (fromGuest ? 1 : 0),
    messages: (summary?.messages ?? 0) + 1,
  }
}

/** The summary of these messages, oldest first; undefined when there are none. */
export function summarize(messages: Iterable<SummarizedMessage>): SummaryDelta | undefined {
  let summary: SummaryDelta | undefined
  for (const message of messages) summary = addToSummary(summary, message)
  return summary
}
