import type { Conversation } from '../db/conversations.js'
import type { Message, MessageMeta } from '../db/messages.js'
import type { Store } from '../db/store.js'
import type { MessageContent } from '../domain/message-content.js'
import type { DeliveryService, NotDeliverable } from './delivery.js'
import type { Ingest } from './ingest.js'
import type { Outcome } from './problems.js'

/** Who replies: a staff member (or a local system, agentId null), or the AI agent with its tools. */
export type ReplyAuthor = { agentId: string | null } | { aiAgent: MessageMeta }

/**
 * Replies to the guest: stored through the one ingest path and, in the same transaction, queued in
 * the outbox for the channel (or marked not deliverable, with the reason).
 */
export function createReplyService(store: Store, ingest: Ingest, delivery: DeliveryService, clock: () => number = Date.now) {
  return {
    async send(
      conversation: Conversation,
      content: MessageContent,
      author: ReplyAuthor,
    ): Promise<Outcome<{ message: Message; notDeliverable?: NotDeliverable }>> {
      const property = store.properties.get(conversation.propertyId)!
      let notDeliverable: NotDeliverable | undefined
      const outcome = await ingest.submit(
        property,
        [
          {
            channel: conversation.channel,
            conversationId: conversation.id,
            direction: 'out',
            content,
            createdAt: clock(),
            ...('aiAgent' in author ? { author: 'bot' as const, meta: author.aiAgent } : { senderAgentId: author.agentId ?? undefined }),
          },
        ],
        {
          alsoWrite: ([result]) => {
            const queued = delivery.enqueue(conversation, result!.messageId, clock())
            notDeliverable = queued.notDeliverable
            return queued.events
          },
        },
      )
      if (!outcome.ok) return outcome
      delivery.wake()
      return { ok: true, value: { message: store.messages.get(outcome.value[0]!.messageId)!, notDeliverable } }
    },
  }
}

export type ReplyService = ReturnType<typeof createReplyService>
