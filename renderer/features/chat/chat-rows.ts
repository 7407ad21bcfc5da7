import type { ConversationEvent, Message } from '../../../api-contract/index.js'
import type { ChatItem } from './session-dividers.js'

/**
 * One row of the virtualised chat: a message (with the session divider before it, if it opens a
 * session) or a timeline event. A divider rides with its message so that every row is keyed by
 * something that stays when older pages load (a divider may vanish then; its message does not).
 */
export type ChatRow =
  { kind: 'message'; key: string; message: Message; sessionStartedAt: string | null } | { kind: 'event'; key: string; event: ConversationEvent }

export function chatRows(items: readonly ChatItem[]): ChatRow[] {
  const rows: ChatRow[] = []
  let sessionStartedAt: string | null = null
  for (const item of items) {
    if (item.kind === 'session') sessionStartedAt = item.startedAt
    else if (item.kind === 'event') rows.push({ kind: 'event', key: `event-${item.event.id}`, event: item.event })
    else {
      rows.push({ kind: 'message', key: item.message.id, message: item.message, sessionStartedAt })
      sessionStartedAt = null
    }
  }
  return rows
}
