import type { Agent } from '../db/agents.js'
import type { Conversation } from '../db/conversations.js'
import type { Message } from '../db/messages.js'
import type { Store } from '../db/store.js'
import { mentionNotificationText, mentionProblems, mentionRecipients } from '../domain/internal-notes.js'
import type { Ingest } from './ingest.js'
import type { NotificationService } from './notifications.js'
import type { Outcome } from './problems.js'

/**
 * Internal notes: written by a signed-in staff member through the one ingest path, marked internal
 * (never queued for delivery, never in the guest's summary); each agent it mentions is notified.
 */
export function createNoteService(store: Store, ingest: Ingest, notifications: NotificationService, clock: () => number = Date.now) {
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
      const guest = conversation.guestName ?? conversation.identity?.value ?? 'a guest'
      for (const agentId of mentionRecipients(mentions, author.id)) {
        notifications.notify(agentId, 'mention', conversation.id, mentionNotificationText(author.name, guest, note.text))
      }
      return { ok: true, value: store.messages.get(outcome.value[0]!.messageId)! }
    },
  }
}

export type NoteService = ReturnType<typeof createNoteService>
