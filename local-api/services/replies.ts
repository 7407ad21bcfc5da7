import type { Conversation } from '../db/conversations.js'
import type { Message, MessageMeta } from '../db/messages.js'
import type { Store } from '../db/store.js'
import type { MessageContent } from '../domain/message-content.js'
import { replyPolicy, replyRefusal, type ReplyKind, type ReplyRefusal } from '../domain/reply-policy.js'
import type { DeliveryService, NotDeliverable } from './delivery.js'
import type { Ingest } from './ingest.js'
import { Refusal, type Outcome } from './problems.js'

/** Who replies: a staff member (or a local system, agentId null), or the AI agent with its tools. */
export type ReplyAuthor = { agentId: string | null; meta?: MessageMeta } | { aiAgent: MessageMeta }

/**
 * Replies to the guest, held to the conversation's reply policy at the moment they are sent:
 * stored through the one ingest path and, in the same transaction, queued in the outbox for the
 * channel (or marked not deliverable, with the reason).
 */
export function createReplyService(store: Store, ingest: Ingest, delivery: DeliveryService, clock: () => number = Date.now) {
  /** Why this reply may not be sent now (a closed window, no reply channel), or null when it may. */
  function refusal(conversation: Conversation, reply: ReplyKind = { template: null }): ReplyRefusal | null {
    return replyRefusal(replyPolicy(conversation, clock()), conversation.channel, reply)
  }

  return {
    refusal,

    /** `reply` says whether the content was filled from a template (and its approval): the policy may take only those. */
    async send(
      conversation: Conversation,
      content: MessageContent,
      author: ReplyAuthor,
      reply: ReplyKind = { template: null },
    ): Promise<Outcome<{ message: Message; notDeliverable?: NotDeliverable }>> {
      const refused = refusal(conversation, reply)
      if (refused) throw new Refusal('conflict', refused.message)
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
            ...('aiAgent' in author ? { author: 'bot' as const, meta: author.aiAgent } : { senderAgentId: author.agentId ?? undefined, meta: author.meta }),
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
