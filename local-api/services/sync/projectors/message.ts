// A message: written in runs, like a pushed batch (one summary update per conversation per run, not
// per message), through ingest's replication path; its delivery status only moves forward; one
// integrator message stored on two desks (by property and externalId) is one, the smaller id.
import type { MessageContent } from '../../../domain/message-content.js'
import { storageFailureOf } from '../../../db/storage-failure.js'
import { deliveryMovesForward } from '../../../../sync-core/merge.js'
import type { DomainEvent } from '../../event-bus.js'
import type { Ingest, ReplicatedMessage } from '../../ingest.js'
import { APPLIED, reasonOf, str, type ApplyOutcome, type Fields, type ProjectorContext } from './context.js'

/** `failed`: told of a message of a run that could not be written (the rest of the run is). */
export function messageProjector({ store, sync, resolve }: ProjectorContext, ingest: Ingest, failed: (messageId: string, reason: string) => void) {
  // Any other op, another desk's op or the end of a page writes the run first.
  let run: { origin: string; now: number; messages: ReplicatedMessage[]; ids: Set<string>; externalIds: Set<string> } | null = null
  const propertyOfConversation = new Map<string, string>()
  function writeRun(published: DomainEvent[]): void {
    if (!run) return
    const { origin, now, messages } = run
    run = null
    // In a savepoint of the transaction under way (its own transaction when there is none).
    const write = (batch: ReplicatedMessage[]) => store.transaction(() => store.changeLog.replicating(origin, () => ingest.applyReplicated(batch, now)))
    try {
      published.push(...write(messages))
    } catch (error) {
      if (storageFailureOf(error)) throw error
      // One message no desk could write must not stop the others: each alone, the failing one parked.
      for (const message of messages) {
        try {
          published.push(...write([message]))
        } catch (single) {
          if (storageFailureOf(single)) throw single
          failed(message.id, reasonOf(single ?? error))
        }
      }
    }
  }
  function addToRun(origin: string, now: number, message: ReplicatedMessage, published: DomainEvent[]): void {
    if (run && run.origin !== origin) writeRun(published)
    run ??= { origin, now, messages: [], ids: new Set(), externalIds: new Set() }
    run.messages.push(message)
    run.ids.add(message.id)
    if (message.externalId) run.externalIds.add(`${message.propertyId}|${message.externalId}`)
  }

  function apply(origin: string, id: string, f: Fields, touched: Set<string>, now: number, published: DomainEvent[]): ApplyOutcome {
    const pending = run?.ids.has(id) ? run.messages.find((message) => message.id === id) : undefined
    if (pending) {
      if (typeof f.status === 'string' && deliveryMovesForward(pending.status, f.status)) pending.status = f.status
      return APPLIED
    }
    const stored = store.messages.get(id)
    if (stored) {
      const current = stored.status
      if (typeof f.status === 'string' && f.status !== current && deliveryMovesForward(current, f.status)) {
        store.messages.setStatus(id, f.status)
        const conversationId = stored.conversationId
        published.push({ type: 'message.updated', conversationId, propertyId: store.conversations.get(conversationId)!.propertyId, messageId: id })
      }
      return APPLIED
    }
    if (f.conversationId === undefined) return { waiting: `waits for message ${id}` }
    const conversationId = resolve('conversation', f.conversationId)!
    let propertyId = propertyOfConversation.get(conversationId)
    if (propertyId === undefined) {
      propertyId = store.conversations.get(conversationId)?.propertyId
      if (propertyId === undefined) return { waiting: `waits for conversation ${conversationId}` }
      propertyOfConversation.set(conversationId, propertyId)
    }
    const senderAgentId = resolve('agent', f.senderAgentId) ?? null
    if (senderAgentId && !sync.rowExists('agent', senderAgentId)) return { waiting: `waits for agent ${senderAgentId}` }
    const externalId = str(f.externalId) ?? null
    if (externalId) {
      if (run?.externalIds.has(`${propertyId}|${externalId}`)) writeRun(published)
      // One integrator message stored on two desks (an externalId is the key of one property's
      // integrator, so only the same property's message is the same message): the smaller id stays.
      const holder = store.messages.byExternalId(propertyId, externalId)
      const other = holder && holder.id !== id ? holder : undefined
      if (other && other.id < id) return APPLIED
      if (other) {
        store.messages.remove(other.id)
        store.conversations.recount(other.conversationId)
        touched.add(other.conversationId)
      }
    }
    addToRun(
      origin,
      now,
      {
        id,
        conversationId,
        propertyId,
        externalId,
        direction: f.direction as 'in' | 'out',
        content: f.content as MessageContent,
        status: str(f.status) ?? 'delivered',
        senderAgentId,
        author: (f.author as 'bot' | null | undefined) ?? null,
        meta: (f.meta as never) ?? null,
        // A note stays a note on every desk (and keeps whom it mentions).
        internal: f.internal === true,
        mentions: f.internal === true && Array.isArray(f.mentions) ? f.mentions.filter((id): id is string => typeof id === 'string') : [],
        createdAt: Number(f.createdAt),
      },
      published,
    )
    return APPLIED
  }

  return {
    apply,
    /** Writes the run held back (before anything else reads the rows, or the transaction commits). */
    finish(published: DomainEvent[]): void {
      writeRun(published)
      propertyOfConversation.clear()
    },
    /** Forgets a run whose transaction rolled back. */
    discard(): void {
      run = null
      propertyOfConversation.clear()
    },
  }
}
