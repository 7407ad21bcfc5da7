import type { Agent } from '../db/agents.js'
import type { Conversation } from '../db/conversations.js'
import type { Message } from '../db/messages.js'
import type { Store } from '../db/store.js'
import { mentionNotificationText, mentionProblems, mentionRecipients } from '../domain/internal-notes.js'
import type { EventBus } from './event-bus.js'
import type { Ingest } from './ingest.js'
import type { NotificationService } from './notifications.js'
import type { Outcome } from './problems.js'

/** How old a note another desk wrote may be and still notify here (a desk catching up on history rings for none). */
export const REPLICATED_MENTION_MS = 24 * 60 * 60_000

/**
 * Internal notes: written by a signed-in staff member through the one ingest path, marked internal
 * (never queued for delivery, never in the guest's summary); each agent it mentions is notified, on
 * this desk and, when sync brings the note, on the others.
 */
export function createNoteService(store: Store, ingest: Ingest, notifications: NotificationService, events: EventBus, clock: () => number = Date.now) {
  function notifyMentioned(note: Message, conversation: Conversation, authorName: string): void {
    const guest = conversation.guestName ?? conversation.identity?.value ?? 'a guest'
    const text = note.content.type === 'text' ? note.content.text : ''
    for (const agentId of mentionRecipients(note.mentions, note.senderAgent?.id ?? '')) {
      if (store.agents.get(agentId)?.active) notifications.notify(agentId, 'mention', conversation.id, mentionNotificationText(authorName, guest, text))
    }
  }

  let unsubscribe: (() => void) | null = null

  return {
    async write(conversation: Conversation, author: Agent, note: { text: string; mentions?: readonly string[] }): Promise<Outcome<Message>> {
      const mentions = [...new Set(note.mentions ?? [])]
      const problems = mentionProblems(mentions, (id) => store.agents.get(id))
      if (problems.length) return { ok: false, problems }
      const property = store.properties.get(conversation.propertyId)!
      const outcome = await ingest.submit(property, [
        {
          channel: conversation.channel,
          conversationId: conversation.id,
          direction: 'out',
          content: { type: 'text', text: note.text },
          createdAt: clock(),
          senderAgentId: author.id,
          internal: true,
          mentions,
        },
      ])
      if (!outcome.ok) return outcome
      const written = store.messages.get(outcome.value[0]!.messageId)!
      notifyMentioned(written, conversation, author.name)
      return { ok: true, value: written }
    },

    /** Notifies the agents a note from another desk mentions (the desk that wrote it notified its own). */
    start(): void {
      unsubscribe = events.subscribe((event) => {
        if (event.type !== 'message.created' || !event.internal || !event.replicated || clock() - event.createdAt > REPLICATED_MENTION_MS) return
        const note = store.messages.get(event.messageId)
        const conversation = note && store.conversations.get(note.conversationId)
        if (!note || !conversation || note.mentions.length === 0) return
        notifyMentioned(note, conversation, note.senderAgent?.name ?? '')
      })
    },
    stop(): void {
      unsubscribe?.()
      unsubscribe = null
    },
  }
}

export type NoteService = ReturnType<typeof createNoteService>
