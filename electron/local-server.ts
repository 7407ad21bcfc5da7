// The local API as the desktop app runs it: on the configured port, or — when another program holds
// that port — on a free one, with a message saying so. Plain Node: the server process runs it, and
// tests import it.
import { startServer, type RunningServer } from '../local-api/start-server.js'
import type { DeskFeedItem } from './desk-feed-types.js'

export interface DeskServer {
  server: RunningServer
  /** Why the API is not on the configured port, in words for the desk; null when it is. */
  portProblem: string | null
}

const isAddressInUse = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE'

export async function startDeskServer(options: { dataDir: string; port: number; rendererDir?: string }): Promise<DeskServer> {
  const config = {
    dataDir: options.dataDir,
    lockPurpose: 'the Frontdesk Inbox desktop app',
    ...(options.rendererDir ? { rendererDir: options.rendererDir } : {}),
  }
  try {
    return { server: await startServer({ ...config, port: options.port }), portProblem: null }
  } catch (error) {
    if (!isAddressInUse(error)) throw error
  }
  const server = await startServer({ ...config, port: 0 })
  const port = new URL(server.url).port
  return {
    server,
    portProblem:
      `Port ${options.port} is in use by another program, so the inbox runs on port ${port} for now. ` +
      `Local systems that push to port ${options.port} cannot reach it: close that program and restart, or choose another port in Settings.`,
  }
}

/** How a guest is named in a notification: their name, else their phone or email, else the channel. */
const guestLabel = (conversation: { guestName: string | null; identity: { value: string } | null; channel: string }) =>
  conversation.guestName ?? conversation.identity?.value ?? `A guest on ${conversation.channel.replace('_', ' ')}`

/**
 * Turns the API's domain events into what the shell shows: guest messages, notifications for an
 * agent, and the unread total (at most every `unreadEveryMs`, as pushes come in bursts).
 */
export function deskFeed(server: RunningServer, post: (item: DeskFeedItem) => void, unreadEveryMs = 1_000): () => void {
  const { app } = server
  let unreadTimer: NodeJS.Timeout | undefined
  let lastUnread = -1
  const postUnread = () => {
    unreadTimer = undefined
    const count = app.store.conversations.totalUnread()
    if (count !== lastUnread) post({ type: 'unread', count })
    lastUnread = count
  }
  const unreadSoon = () => {
    unreadTimer ??= setTimeout(postUnread, unreadEveryMs)
  }

  // A batch of messages for one conversation makes one notification, with its latest words.
  const guestWrote = new Set<string>()
  const postGuestMessages = () => {
    for (const id of guestWrote) {
      const conversation = app.store.conversations.get(id)
      // A phone call's transcript is a record of a finished call: nothing to answer.
      if (!conversation || conversation.channel === 'phone') continue
      post({
        type: 'guest-message',
        conversationId: conversation.id,
        guestLabel: guestLabel(conversation),
        preview: conversation.lastMessagePreview,
        mode: conversation.mode,
        assignedAgentId: conversation.assignedAgentId,
      })
    }
    guestWrote.clear()
  }

  const unsubscribe = app.events.subscribe((event) => {
    if (event.type === 'message.created' && event.direction === 'in') {
      if (guestWrote.size === 0) setImmediate(postGuestMessages)
      guestWrote.add(event.conversationId)
    }
    if (event.type === 'notification.created') {
      const notification = app.store.notifications.get(event.notificationId)
      if (notification) {
        post({
          type: 'agent-notification',
          agentId: notification.agentId,
          kind: notification.kind,
          conversationId: notification.conversationId,
          text: notification.text,
        })
      }
    }
    if (event.type === 'message.created' || event.type === 'conversation.updated') unreadSoon()
  })
  postUnread()
  return () => {
    unsubscribe()
    clearTimeout(unreadTimer)
    guestWrote.clear()
  }
}
