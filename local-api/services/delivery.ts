import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { Conversation } from '../db/conversations.js'
import type { OutboxEntry } from '../db/outbox.js'
import type { Store } from '../db/store.js'
import type { MessageContent } from '../domain/message-content.js'
import { senderKind } from '../domain/message-sender.js'
import { hasReplyChannel, notDeliverableReason, type NotDeliverable } from '../domain/reply-policy.js'
import { SIGNATURE_HEADER, signWebhook } from '../domain/webhook-signature.js'
import { unreported, type WorkerReport } from './background-failures.js'
import type { DomainEvent, EventBus } from './event-bus.js'

export interface DeliveryOptions {
  /** The first retry waits this long; each next one twice as long, up to `maxDelayMs`. */
  retryBaseMs?: number
  maxDelayMs?: number
  /** After this many failed attempts the reply is marked failed (staff can retry it). */
  maxAttempts?: number
  timeoutMs?: number
  /**
   * The desk's public base URL (`--public-url`): a file stored on the desk (`/v1/attachments/…`)
   * is sent to the webhook as an absolute URL under it, never under a request's Host.
   */
  publicUrl?: () => string
  /**
   * How long an attempt's claim on its reply holds (default: the timeout and 15 s more). Another
   * process may claim the reply again only after that: the sender died mid-send.
   */
  leaseMs?: number
}

export type { NotDeliverable }

/**
 * Outbound replies: written to a durable SQLite outbox in the reply's own transaction, then POSTed
 * to the channel account's webhook as signed JSON, retried with exponential backoff — also after a
 * restart, since the outbox is read back on start. Every failed attempt is reported (logged, and
 * kept for /v1/health).
 */
export function createDeliveryService(
  store: Store,
  events: EventBus,
  clock: () => number = Date.now,
  options: DeliveryOptions = {},
  report: WorkerReport = unreported(),
) {
  const { retryBaseMs = 1000, maxDelayMs = 5 * 60_000, maxAttempts = 10, timeoutMs = 10_000 } = options
  const leaseMs = options.leaseMs ?? timeoutMs + 15_000
  /** This service's name on the claims it takes: unique per process and start. */
  const owner = `${hostname()}:${process.pid}:${randomUUID()}`
  let timer: NodeJS.Timeout | undefined
  let running = false
  let stopped = true

  function accountFor(conversation: Conversation) {
    const account = conversation.channelAccount
      ? store.channelAccounts.get(conversation.channelAccount.id)
      : store.channelAccounts.forChannel(conversation.propertyId, conversation.channel)
    return account?.webhookUrl ? account : undefined
  }

  /** After a pass the storage failed (disk full, read-only, busy), the outbox is looked at again this much later. */
  const STORAGE_RETRY_MS = 30_000

  function schedule(storageFailed = false): void {
    if (stopped) return
    clearTimeout(timer)
    let delay = STORAGE_RETRY_MS
    if (!storageFailed) {
      try {
        const next = store.outbox.nextDueAt()
        if (next === undefined) return
        delay = Math.min(Math.max(0, next - clock()), 60_000)
      } catch (error) {
        report.failed('could not read the outbox; looking again in 30 s', { error, level: 'warn' })
      }
    }
    timer = setTimeout(() => void deliverDue(), delay)
    timer.unref()
  }

  async function deliverDue(): Promise<void> {
    if (running || stopped) return
    running = true
    let storageFailed = false
    try {
      for (let due = store.outbox.due(clock()); due.length && !stopped; due = store.outbox.due(clock())) {
        for (const entry of due) {
          // Claimed in a transaction before sending: another process sharing the store skips it.
          const now = clock()
          const claimed = store.transaction(() =>
            store.outbox.claim(entry.messageId, owner, now, now + leaseMs) ? store.outbox.get(entry.messageId) : undefined,
          )
          if (claimed) await attempt(claimed)
        }
      }
    } catch (error) {
      // A failed pass (the storage full, read-only, damaged or busy): nothing crashes, the pass is tried
      // again later; a reply sent whose outcome could not be recorded keeps its claim until the
      // lease runs out, then is sent again (at least once, never lost). /v1/health says why.
      report.failed('a delivery pass failed; trying again in 30 s', { error })
      storageFailed = true
    } finally {
      running = false
      schedule(storageFailed)
    }
  }

  function withAbsoluteUrl(content: MessageContent): MessageContent {
    if ((content.type !== 'image' && content.type !== 'file') || !content.url.startsWith('/') || !options.publicUrl) return content
    return { ...content, url: `${options.publicUrl()}${content.url}` }
  }

  function payloadOf(entry: OutboxEntry) {
    const message = store.messages.get(entry.messageId)!
    const conversation = store.conversations.get(message.conversationId)!
    const account = store.channelAccounts.get(entry.channelAccountId)!
    const body = JSON.stringify({
      type: 'message.outbound',
      message: {
        id: message.id,
        conversationId: conversation.id,
        channel: conversation.channel,
        content: withAbsoluteUrl(message.content),
        author: senderKind(message),
        agentName: message.senderAgent?.name ?? null,
        createdAt: new Date(message.createdAt).toISOString(),
      },
      to: conversation.identity && { type: conversation.identity.kind, value: conversation.identity.value },
      channelAccount: { id: account.id, code: account.code },
    })
    return { account, conversation, body }
  }

  async function attempt(entry: OutboxEntry): Promise<void> {
    const { account, conversation, body } = payloadOf(entry)
    let error: string | null = null
    try {
      const timestamp = clock()
      const response = await fetch(account.webhookUrl!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signWebhook(account.webhookSecret ?? '', body, timestamp) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      })
      await response.arrayBuffer()
      if (!response.ok) error = `the webhook answered ${response.status}`
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause)
    }
    const attempts = entry.attempts + 1
    const now = clock()
    const state = error === null ? 'sent' : attempts >= maxAttempts ? 'failed' : 'queued'
    const nextAttemptAt = state === 'queued' ? now + Math.min(maxDelayMs, retryBaseMs * 2 ** (attempts - 1)) : now
    const recorded = store.transaction(() => {
      // Our claim ran out and another process took the reply over: its outcome is the one recorded.
      if (!store.outbox.record({ messageId: entry.messageId, state, attempts, nextAttemptAt, lastError: error, updatedAt: now, claimedBy: owner })) return false
      if (state !== 'queued') {
        store.messages.setStatus(entry.messageId, state)
        store.changeLog.append('message', entry.messageId, 'update', { status: state }, now)
      }
      return true
    })
    if (error !== null) {
      const context = { error, conversationId: conversation.id, messageId: entry.messageId }
      if (state === 'failed') report.failed(`gave up delivering a reply after ${attempts} attempts`, context)
      else report.failed('could not deliver a reply; will try again', { ...context, level: 'warn' })
    }
    if (recorded)
      events.publish([{ type: 'message.updated', conversationId: conversation.id, propertyId: conversation.propertyId, messageId: entry.messageId }])
  }

  return {
    /**
     * Queues a reply for its channel, or marks it not deliverable and says why. Runs inside the
     * reply's transaction; returns the events to publish with it.
     */
    enqueue(conversation: Conversation, messageId: string, now: number): { events: DomainEvent[]; notDeliverable?: NotDeliverable } {
      const account = hasReplyChannel(conversation.channel) ? accountFor(conversation) : undefined
      const notDeliverable = notDeliverableReason(conversation.channel, account !== undefined)
      const status = notDeliverable ? 'not_deliverable' : 'queued'
      if (account) store.outbox.insert({ messageId, channelAccountId: account.id, nextAttemptAt: now, createdAt: now })
      store.messages.setStatus(messageId, status)
      return { events: [{ type: 'message.updated', conversationId: conversation.id, propertyId: conversation.propertyId, messageId }], notDeliverable }
    },

    /** Sends what is due now and keeps a timer for the rest; queued replies from before a restart included. */
    start(): void {
      stopped = false
      void deliverDue()
    },

    /** Looks at the outbox again (after a reply was queued). */
    wake(): void {
      if (!stopped) void deliverDue()
    },

    /** Tries a failed reply again, now. */
    retry(messageId: string): boolean {
      const entry = store.outbox.get(messageId)
      if (!entry || entry.state !== 'failed') return false
      const now = clock()
      store.transaction(() => {
        store.outbox.record({ messageId, state: 'queued', attempts: entry.attempts, nextAttemptAt: now, lastError: entry.lastError, updatedAt: now })
        store.messages.setStatus(messageId, 'queued')
        store.changeLog.append('message', messageId, 'update', { status: 'queued' }, now)
      })
      const message = store.messages.get(messageId)!
      const propertyId = store.conversations.get(message.conversationId)!.propertyId
      events.publish([{ type: 'message.updated', conversationId: message.conversationId, propertyId, messageId }])
      void deliverDue()
      return true
    },

    /** Waits for a delivery pass in progress, then stops (server shutdown). */
    async stop(): Promise<void> {
      stopped = true
      clearTimeout(timer)
      while (running) await new Promise((resolve) => setTimeout(resolve, 10))
    },
  }
}

export type DeliveryService = ReturnType<typeof createDeliveryService>
