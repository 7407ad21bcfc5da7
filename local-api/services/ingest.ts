import type { Channel, Direction } from '../domain/channels.js'
import { newId } from '../domain/ids.js'
import { normalizeIdentity, type IdentityKind, type NormalizeResult } from '../domain/identity.js'
import { contentText, isBlankContent, type MessageContent } from '../domain/message-content.js'
import { timestampProblem } from '../domain/timestamps.js'
import type { ConversationSource } from '../db/conversations.js'
import { addToSummary, type SummaryDelta } from '../domain/conversation-summary.js'
import type { MessageMeta } from '../db/messages.js'
import type { Property } from '../db/properties.js'
import type { Store } from '../db/store.js'
import { changeConversationState } from './conversations.js'
import type { DomainEvent, EventBus } from './event-bus.js'
import type { Outcome, Problem } from './problems.js'

/** A message as any dialect hands it over: identity still raw, time already parsed. */
export interface IncomingMessage {
  channel: Channel
  /**
   * Who wrote or is written to: finds (or creates) the conversation of this property, channel and
   * identity. `guestId` links a new identity to a known guest profile at once (issued identities).
   */
  identity?: { kind: IdentityKind; value: string; guestId?: string | null }
  /** …or the conversation it belongs to, for a reply written in the inbox. */
  conversationId?: string
  /** The staff member who wrote it in the inbox. */
  senderAgentId?: string
  /** 'bot' when the AI agent wrote it, with the tools it used and its latency in `meta`. */
  author?: 'bot'
  meta?: MessageMeta
  /**
   * An internal note (staff for staff, in a known conversation, outbound): stored like any message
   * but outside the conversation's summary (preview, counts, who waits) and never delivered.
   */
  internal?: true
  /** The agents a note mentions (ids already checked by the caller). */
  mentions?: readonly string[]
  /** Where a conversation this message creates comes from (channel account, outlet, order). */
  source?: ConversationSource
  direction: Direction
  content: MessageContent
  createdAt: number
  externalId?: string
  status?: string
}

export interface IngestedMessage {
  conversationId: string
  messageId: string
  /** False when an idempotent retry found the message already stored. */
  created: boolean
}

/**
 * The only write path for messages. A batch is validated whole, then written in one transaction
 * (identity → guest identity → conversation → message → summary → change log), then its events
 * are published. An invalid item rejects the whole batch and nothing is written.
 */
export function createIngest(store: Store, events: EventBus, clock: () => number = Date.now) {
  function normalize(property: Property, batch: readonly IncomingMessage[], now: number): Outcome<IncomingMessage[]> {
    const problems: Problem[] = []
    // A batch mostly repeats a few guests: parse each distinct phone or email once.
    const seen = new Map<string, NormalizeResult>()
    const normalized = batch.map((message, index) => {
      const identity = normalizeTarget(property, message, seen)
      if (!identity.ok) problems.push(...identity.problems.map((problem) => ({ index, ...problem })))
      const timeProblem = timestampProblem(message.createdAt, now)
      if (timeProblem) problems.push({ index, field: 'createdAt', message: timeProblem })
      if (isBlankContent(message.content)) problems.push({ index, field: 'content', message: 'must not be blank' })
      if (message.internal && (message.conversationId === undefined || message.direction !== 'out')) {
        problems.push({ index, field: 'internal', message: 'a note is written by staff in a known conversation' })
      }
      const checked = identity.ok && identity.value ? { ...message, identity: identity.value } : message
      const attachment = identity.ok ? attachmentProblem(property, checked) : null
      if (attachment) problems.push({ index, field: 'content.url', message: attachment })
      return checked
    })
    return problems.length ? { ok: false, problems } : { ok: true, value: normalized }
  }

  /**
   * A message may show only a file of its own property, and once a file is used in a conversation,
   * only that conversation may use it again.
   */
  function attachmentProblem(property: Property, message: IncomingMessage): string | null {
    const id = attachmentIdOf(message.content)
    if (id === undefined) return null
    const attachment = store.attachments.get(id)
    if (!attachment || (attachment.propertyId !== null && attachment.propertyId !== property.id)) return 'names no attachment of this property'
    if (attachment.conversationId === null) return null
    let conversationId = message.conversationId
    if (conversationId === undefined && message.identity) {
      const identity = store.guests.findIdentity(message.identity.kind, message.identity.value)
      conversationId = identity && store.conversations.findByIdentity(property.id, message.channel, identity.rowid)?.id
    }
    return conversationId === attachment.conversationId ? null : 'names an attachment of another conversation'
  }

  function bindAttachment(content: MessageContent, conversationId: string, propertyId: string): void {
    const id = attachmentIdOf(content)
    if (id !== undefined) store.attachments.bindToConversation(id, conversationId, propertyId)
  }

  function write(property: Property, batch: readonly IncomingMessage[], now: number) {
    const published: DomainEvent[] = []
    const summaries = new Map<string, SummaryDelta>()
    // Conversations a new guest message reopens if they are snoozed or resolved.
    const guestWrote = new Set<string>()
    // Batches usually carry several messages of one guest: resolve each conversation once.
    const conversationsByGuest = new Map<string, string>()
    const results = batch.map((message): IngestedMessage => {
      if (message.externalId !== undefined) {
        // Idempotency keys are the integrator's, so they are unique per property, never across them.
        const existing = store.messages.byExternalId(property.id, message.externalId)
        if (existing) return { conversationId: existing.conversationId, messageId: existing.id, created: false }
      }
      let conversationId = message.conversationId
      if (conversationId === undefined) {
        const identity = message.identity!
        const guestKey = `${message.channel}|${identity.kind}|${identity.value}`
        conversationId = conversationsByGuest.get(guestKey)
        if (conversationId === undefined) {
          conversationId = findOrCreateConversation(property, message, identity, now, published)
          conversationsByGuest.set(guestKey, conversationId)
        }
      }
      const messageId = newId('msg')
      const stored = {
        id: messageId,
        conversationId,
        externalId: message.externalId ?? null,
        direction: message.direction,
        content: message.content,
        text: contentText(message.content),
        status: message.status ?? 'delivered',
        senderAgentId: message.senderAgentId ?? null,
        author: message.author ?? null,
        meta: message.meta ?? null,
        internal: message.internal === true,
        mentions: message.internal ? [...(message.mentions ?? [])] : [],
        createdAt: message.createdAt,
        receivedAt: now,
      }
      store.messages.insert(stored)
      bindAttachment(message.content, conversationId, property.id)
      // Messages never change: the stored row is the change's payload, so the log only points at it.
      store.changeLog.append('message', messageId, 'insert', null, now)
      published.push({
        type: 'message.created',
        conversationId,
        propertyId: property.id,
        messageId,
        direction: message.direction,
        createdAt: message.createdAt,
        ...(message.internal ? { internal: true as const } : {}),
      })
      // A note is not part of what the guest and the list see: no preview, count, or answer.
      if (message.internal) return { conversationId, messageId, created: true }
      summaries.set(conversationId, addToSummary(summaries.get(conversationId), message))
      if (message.direction === 'in') guestWrote.add(conversationId)
      return { conversationId, messageId, created: true }
    })
    for (const [conversationId, delta] of summaries) {
      store.conversations.applySummary(conversationId, delta)
      // The summary is derived from the messages; the log records that it moved, not its values.
      store.changeLog.append('conversation', conversationId, 'update', null, now)
      published.push({ type: 'conversation.updated', conversationId, propertyId: property.id })
    }
    // The guest wrote: a snoozed or resolved conversation is open again (here only: another desk's
    // messages come with that desk's conversation op, which carries the state it reopened).
    for (const conversationId of guestWrote) {
      const current = store.conversations.stateOf(conversationId)
      if (!current || current.state === 'open') continue
      const reopened = changeConversationState(store, current, { kind: 'reopen', reason: 'guest wrote' }, 'system', now)
      if (reopened.ok) published.push(...reopened.published)
    }
    return { results, published }
  }

  function findOrCreateConversation(
    property: Property,
    message: IncomingMessage,
    { kind, value, guestId = null }: NonNullable<IncomingMessage['identity']>,
    now: number,
    published: DomainEvent[],
  ): string {
    const { channel } = message
    let identity = store.guests.findIdentity(kind, value)
    if (!identity) {
      identity = store.guests.insertIdentity(kind, value, guestId, now)
      store.changeLog.append('guest_identity', `${kind}:${value}`, 'insert', { kind, value, guestId }, now)
    }
    const existing = store.conversations.findByIdentity(property.id, channel, identity.rowid)
    if (existing) return existing.id

    const conversation = {
      id: newId('conv'),
      propertyId: property.id,
      channel,
      identityRowid: identity.rowid,
      guestId: identity.guestId,
      createdAt: message.createdAt,
      channelAccountId: message.source?.channelAccountId ?? null,
      outletId: message.source?.outletId ?? null,
      orderCode: message.source?.orderCode ?? null,
    }
    const guest = identity.guestId ? store.guests.get(identity.guestId) : undefined
    const guestName = guest ? [guest.firstName, guest.lastName].filter(Boolean).join(' ') || null : null
    store.conversations.insert(conversation, { name: guestName, identity: { kind, value } })
    const { identityRowid: _rowid, ...fields } = conversation
    store.changeLog.append('conversation', conversation.id, 'insert', { ...fields, identity: { kind, value } }, now)
    published.push({ type: 'conversation.created', conversationId: conversation.id, propertyId: property.id })
    return conversation.id
  }

  /**
   * Stores messages another desk stored first, keeping their ids and times, inside the caller's
   * (sync's) transaction; ones already here are skipped. Their conversations must exist. Returns
   * the events to publish once that transaction commits.
   */
  function applyReplicated(messages: readonly ReplicatedMessage[], now: number): DomainEvent[] {
    const published: DomainEvent[] = []
    const summaries = new Map<string, { propertyId: string; delta: SummaryDelta }>()
    for (const message of messages) {
      if (store.messages.get(message.id)) continue
      store.messages.insert({
        id: message.id,
        conversationId: message.conversationId,
        externalId: message.externalId,
        direction: message.direction,
        content: message.content,
        text: contentText(message.content),
        status: message.status,
        senderAgentId: message.senderAgentId,
        author: message.author,
        meta: message.meta,
        internal: message.internal,
        mentions: message.internal ? message.mentions : [],
        createdAt: message.createdAt,
        receivedAt: now,
      })
      store.changeLog.append('message', message.id, 'insert', null, now)
      published.push({
        type: 'message.created',
        conversationId: message.conversationId,
        propertyId: message.propertyId,
        messageId: message.id,
        direction: message.direction,
        createdAt: message.createdAt,
        replicated: true,
        ...(message.internal ? { internal: true as const } : {}),
      })
      if (message.internal) continue
      const previous = summaries.get(message.conversationId)
      summaries.set(message.conversationId, { propertyId: message.propertyId, delta: addToSummary(previous?.delta, message) })
    }
    for (const [conversationId, { propertyId, delta }] of summaries) {
      store.conversations.applySummary(conversationId, delta)
      store.changeLog.append('conversation', conversationId, 'update', null, now)
      published.push({ type: 'conversation.updated', conversationId, propertyId })
    }
    return published
  }

  interface Queued {
    property: Property
    batch: IncomingMessage[]
    now: number
    alsoWrite?: SubmitOptions['alsoWrite']
    settle(outcome: { results: IngestedMessage[] } | { error: unknown }): void
  }
  const queue: Queued[] = []

  /**
   * Group commit: the batches submitted while the event loop was busy (typically during the
   * previous commit's fsync) are written in one transaction, each in its own savepoint so one
   * failure undoes only its own batch, and answered after that single commit.
   */
  function flushQueue(): void {
    const group = queue.splice(0)
    const settled: Parameters<Queued['settle']>[0][] = []
    const published: DomainEvent[] = []
    try {
      store.transaction(() => {
        const writeItem = (item: Queued) => {
          const batch = write(item.property, item.batch, item.now)
          batch.published.push(...(item.alsoWrite?.(batch.results) ?? []))
          return batch
        }
        for (const item of group) {
          try {
            // A lone batch needs no savepoint: if it fails, the whole transaction is its own.
            const written = group.length === 1 ? writeItem(item) : store.savepoint(() => writeItem(item))
            published.push(...written.published)
            settled.push({ results: written.results })
          } catch (error) {
            if (group.length === 1) throw error
            settled.push({ error })
          }
        }
      })
    } catch (error) {
      group.forEach((item) => item.settle({ error }))
      return
    }
    events.publish(published)
    group.forEach((item, index) => item.settle(settled[index]!))
  }

  return {
    applyReplicated,

    /** Validates and stores a batch for `property` in its own transaction, committed on return. */
    ingest(property: Property, batch: readonly IncomingMessage[]): Outcome<IngestedMessage[]> {
      const now = clock()
      const checked = normalize(property, batch, now)
      if (!checked.ok) return checked
      const { results, published } = store.transaction(() => write(property, checked.value, now))
      events.publish(published)
      return { ok: true, value: results }
    },

    /**
     * The same for request handlers: validates at once, then writes together with the batches of
     * other requests waiting at this turn of the event loop; resolves only after the commit.
     */
    submit(property: Property, batch: readonly IncomingMessage[], options: SubmitOptions = {}): Promise<Outcome<IngestedMessage[]>> {
      const now = clock()
      const checked = normalize(property, batch, now)
      if (!checked.ok) return Promise.resolve(checked)
      return new Promise((resolve, reject) => {
        if (queue.length === 0) setImmediate(flushQueue)
        queue.push({
          property,
          batch: checked.value,
          now,
          alsoWrite: options.alsoWrite,
          settle: (outcome) => ('error' in outcome ? reject(outcome.error) : resolve({ ok: true, value: outcome.results })),
        })
      })
    },
  }
}

const ATTACHMENT_URL = /^\/v1\/attachments\/(att_[0-9A-Z]{26})$/

/** The desk's own attachment an image or file message shows, if it shows one. */
function attachmentIdOf(content: MessageContent): string | undefined {
  if (content.type !== 'image' && content.type !== 'file') return undefined
  return ATTACHMENT_URL.exec(content.url)?.[1]
}

/**
 * A message addressed by identity gets it normalised (once per distinct value); one addressed by
 * conversation needs none (its identity stays undefined).
 */
function normalizeTarget(property: Property, message: IncomingMessage, seen: Map<string, NormalizeResult>): Outcome<IncomingMessage['identity']> {
  if (message.conversationId !== undefined) return { ok: true, value: undefined }
  if (!message.identity) return { ok: false, problems: [{ field: 'identity', message: 'a guest identity or a conversation is required' }] }
  const { kind, value, guestId } = message.identity
  const key = `${kind}|${value}`
  let normalized = seen.get(key)
  if (!normalized) {
    normalized = normalizeIdentity(kind, value, property.defaultCountry)
    seen.set(key, normalized)
  }
  return normalized.ok
    ? { ok: true, value: { kind, value: normalized.value, guestId } }
    : { ok: false, problems: [{ field: 'identity', message: normalized.reason }] }
}

/** A message as another desk stored it. */
export interface ReplicatedMessage {
  id: string
  conversationId: string
  propertyId: string
  externalId: string | null
  direction: Direction
  content: MessageContent
  status: string
  senderAgentId: string | null
  author: 'bot' | null
  meta: MessageMeta | null
  /** An internal note, and the agents it mentions. */
  internal: boolean
  mentions: string[]
  createdAt: number
}

export interface SubmitOptions {
  /**
   * Conversation changes a dialect makes with its messages (routing, a service record): run in the
   * batch's transaction once its messages are written; the events it returns publish with the batch's.
   */
  alsoWrite?: (results: readonly IngestedMessage[]) => DomainEvent[] | void
}

export type Ingest = ReturnType<typeof createIngest>
