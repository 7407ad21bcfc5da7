// A conversation's summary (the list row's last activity, preview, direction and author, unread and
// message counts) as its messages make it (internal notes are not part of it: callers leave them out): one function, used when messages are ingested, replicated from
// another desk, or recounted after a sync merge, so every desk shows the same row.
import type { Direction } from './channels.js'
import { contentPreview, type MessageContent } from './message-content.js'

/** What some messages add to a conversation's summary. */
export interface SummaryDelta {
  lastMessageAt: number
  preview: string
  direction: Direction
  /** Who wrote the latest message: a staff member's id, and 'bot' when the AI agent did. */
  agentId: string | null
  author: 'bot' | null
  lastGuestMessageAt: number | null
  /** The earliest guest message among these (whether a guest's wait can have changed). */
  firstGuestMessageAt: number | null
  unread: number
  messages: number
}

export interface SummarizedMessage {
  direction: Direction
  createdAt: number
  content: MessageContent
  senderAgentId?: string | null
  author?: 'bot' | null
}

/** Code point order (as SQLite compares TEXT), not UTF-16 order. */
function compareText(a: string, b: string): number {
  const left = [...a]
  const right = [...b]
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!
    if (difference !== 0) return difference
  }
  return left.length - right.length
}

/**
 * Whether a message at `at` with this preview and direction is the conversation's latest: the later
 * one, and between two of the same millisecond the greater preview, then direction — never the order
 * in which they arrived, which differs between desks (db/conversations.ts applies the same rule in SQL).
 */
export function isLatestMessage(
  at: number,
  preview: string,
  direction: Direction,
  current: Pick<SummaryDelta, 'lastMessageAt' | 'preview' | 'direction'>,
): boolean {
  if (at !== current.lastMessageAt) return at > current.lastMessageAt
  const byPreview = compareText(preview, current.preview)
  return byPreview !== 0 ? byPreview > 0 : direction >= current.direction
}

/** The summary with one more message; the latest message (see isLatestMessage) gives the preview. */
export function addToSummary(summary: SummaryDelta | undefined, message: SummarizedMessage): SummaryDelta {
  const fromGuest = message.direction === 'in'
  const preview = contentPreview(message.content)
  const isLatest = !summary || isLatestMessage(message.createdAt, preview, message.direction, summary)
  return {
    lastMessageAt: isLatest ? message.createdAt : summary.lastMessageAt,
    preview: isLatest ? preview : summary.preview,
    direction: isLatest ? message.direction : summary.direction,
    agentId: isLatest ? (message.senderAgentId ?? null) : summary.agentId,
    author: isLatest ? (message.author ?? null) : summary.author,
    lastGuestMessageAt: fromGuest ? Math.max(summary?.lastGuestMessageAt ?? message.createdAt, message.createdAt) : (summary?.lastGuestMessageAt ?? null),
    firstGuestMessageAt: fromGuest ? Math.min(summary?.firstGuestMessageAt ?? message.createdAt, message.createdAt) : (summary?.firstGuestMessageAt ?? null),
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
