import type { Store } from '../db/store.js'
import { agentSettingsOf } from './agent-settings.js'
import { changeConversationState } from './conversations.js'
import type { EventBus } from './event-bus.js'

/** How often the desk looks for conversations gone quiet after the AI agent's answer. */
const CHECK_MS = 60_000
/** After a pass the storage failed, the next one comes this much later. */
const RETRY_MS = 30_000
/** Answers read per query; a pass goes on until a page is not full. */
const PAGE = 200

/**
 * A conversation the AI agent answered by itself — its answer is still the last message, nobody
 * handed over or replied, no guest waits — resolves itself once the guest has stayed quiet for the
 * property's `autoResolveMinutes` (agent settings). One timer for the desk reads the AI agent's
 * answers oldest first, per property, through their index (db/ai-answers.ts); the resolve is the
 * conversation service's own change (a timeline event, synced), by the AI agent.
 */
export function createAiAutoResolve(store: Store, events: EventBus, clock: () => number = Date.now) {
  let timer: NodeJS.Timeout | undefined
  let stopped = true

  function schedule(delay: number): void {
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(() => resolveQuiet(), delay)
    timer.unref()
  }

  /** Whether the answer is still where the conversation stands: open, the AI agent's, nobody waiting, nothing after it. */
  function stillQuiet(conversationId: string, messageId: string) {
    const conversation = store.conversations.get(conversationId)
    if (!conversation || conversation.state !== 'open' || conversation.mode !== 'ai' || conversation.waitingSince !== null) return undefined
    return store.messages.pageNewestFirst(conversationId, 1)[0]?.id === messageId ? conversation : undefined
  }

  /** Resolves every conversation whose guest has been quiet long enough by now; returns how many. */
  function resolveQuiet(): number {
    let resolved = 0
    try {
      for (const property of store.properties.list()) {
        const minutes = agentSettingsOf(store, property.id).autoResolveMinutes
        if (minutes === null) {
          store.aiAnswers.forgetProperty(property.id)
          continue
        }
        for (;;) {
          const now = clock()
          const due = store.aiAnswers.answeredBy(property.id, now - minutes * 60_000, PAGE)
          for (const answer of due) {
            const published = store.transaction(() => {
              store.aiAnswers.forget(answer)
              const conversation = stillQuiet(answer.conversationId, answer.messageId)
              if (!conversation) return []
              const outcome = changeConversationState(store, conversation, { kind: 'resolve', reason: 'guest quiet after the AI answer' }, 'ai-agent', now)
              return outcome.ok ? outcome.published : []
            })
            if (published.length) resolved++
            events.publish(published)
          }
          if (due.length < PAGE) break
        }
      }
    } catch {
      // The storage failed (full, read-only, busy): the answers wait for the next pass; /v1/health tells why.
      schedule(RETRY_MS)
      return resolved
    }
    schedule(CHECK_MS)
    return resolved
  }

  return {
    resolveQuiet,
    /** Resolves what went quiet while the desk was off, then looks again every minute. */
    start(): void {
      stopped = false
      resolveQuiet()
    },
    stop(): void {
      stopped = true
      clearTimeout(timer)
    },
  }
}

export type AiAutoResolve = ReturnType<typeof createAiAutoResolve>
