import type { Store } from '../db/store.js'
import { guestLanguageOf } from '../domain/guest-language.js'
import { languageModelLoaded, loadLanguageModel } from '../domain/retrieval/languages.js'
import { unreported, type WorkerReport } from './background-failures.js'
import type { DomainEvent, EventBus } from './event-bus.js'

/** How far this desk has told its guest messages' languages (a message rowid); kept in the store, so a restart resumes. */
export const TOLD_UP_TO_KEY = 'guestLanguages.toldUpTo'
/** Messages read from the store at once; a slice tells as many as fit in its time. */
const CHUNK = 200
/**
 * A slice's time: the desk answers requests between slices, so a request waits at most about this
 * long behind the backfill of a large store. Told in the README and measured by `npm run bench`.
 */
const SLICE_MS = 5
/** The pause between slices while messages arrive (pushes keep the CPU), and otherwise. */
const BUSY_PAUSE_MS = 50
const QUIET_PAUSE_MS = 5
const START_DELAY_MS = 1_000
/** New messages are told once they stop coming for this long (or after MAX_WAIT_MS under sustained traffic). */
const QUIET_MS = 200

/**
 * Every guest message's language, told once on each desk, in the order the desk stored them: the
 * messages it took, those other desks sent it, and those stored before languages were told (the
 * backfill of an older store). The desk keeps how far it got, so the work goes on in slices after a
 * restart; a conversation's language is its guest's latest told one. Being worked out from the text
 * alone (domain/guest-language.ts), it is the same on every desk and is not synced.
 */
export function createGuestLanguageService(store: Store, events: EventBus, report: WorkerReport = unreported()) {
  let timer: NodeJS.Timeout | undefined
  let stopped = true
  let lastMessageAt = -Infinity
  let modelAsked = false
  let unsubscribe: (() => void) | undefined
  const idleWaiters: (() => void)[] = []

  function wake(after = QUIET_MS) {
    if (stopped) return
    timer ??= setTimeout(slice, after)
  }

  function slice() {
    timer = undefined
    if (stopped) return
    // The model tells Arabic, Thai… (no hints for them): the first slice waits for it; should it
    // fail to load, the AI agent's hints alone tell (en, de, fr, it, es).
    if (!languageModelLoaded() && !modelAsked) {
      modelAsked = true
      timer = setTimeout(() => undefined, 60_000)
      void loadLanguageModel()
        .catch((error: unknown) => report.failed('could not load the language model; guest languages are told by hints alone', { error, level: 'warn' }))
        .finally(() => {
          clearTimeout(timer)
          timer = undefined
          wake(0)
        })
      return
    }
    let more = false
    try {
      more = tellSome()
    } catch (error) {
      // A busy or failing store: the cursor did not move, the next message (or restart) tries again.
      report.failed("could not tell guest messages' languages", { error, level: 'warn' })
    }
    if (more) {
      const busy = performance.now() - lastMessageAt < QUIET_MS
      wake(busy ? BUSY_PAUSE_MS : QUIET_PAUSE_MS)
    } else if (!timer) {
      for (const resolve of idleWaiters.splice(0)) resolve()
    }
  }

  /** Tells the next messages' languages (as many as one slice allows); whether any are left. */
  function tellSome(): boolean {
    const kept = store.settings.get<unknown>(TOLD_UP_TO_KEY)
    const toldUpTo = typeof kept === 'number' && Number.isSafeInteger(kept) ? kept : 0
    const messages = store.messages.guestTextsFrom(toldUpTo, CHUNK)
    if (!messages.length) return false
    const started = performance.now()
    const told: { rowid: number; conversationId: string; propertyId: string; language: string | null }[] = []
    for (const message of messages) {
      told.push({ ...message, language: guestLanguageOf(message.text) })
      if (performance.now() - started >= SLICE_MS) break
    }
    const changed = store.transaction(() => {
      const conversations = new Map<string, string>()
      for (const message of told) {
        if (message.language === null) continue
        store.messages.setLanguage(message.rowid, message.language)
        conversations.set(message.conversationId, message.propertyId)
      }
      const updated: DomainEvent[] = []
      for (const [conversationId, propertyId] of conversations) {
        // The latest told message by time: another desk's older message may reach this one later.
        const latest = store.messages.latestGuestLanguage(conversationId)
        if (latest === null || latest === store.conversations.languageOf(conversationId)) continue
        store.conversations.setLanguage(conversationId, latest)
        updated.push({ type: 'conversation.updated', conversationId, propertyId })
      }
      store.settings.put(TOLD_UP_TO_KEY, told.at(-1)!.rowid)
      return updated
    })
    // A backfill's full chunks are not announced conversation by conversation (the inbox would reload
    // its list for each); the inbox reads those languages when it next loads. New messages are announced.
    const caughtUp = told.length === messages.length && messages.length < CHUNK
    if (caughtUp) events.publish(changed)
    return !caughtUp
  }

  return {
    start(): void {
      stopped = false
      unsubscribe = events.subscribe((event) => {
        if (event.type !== 'message.created') return
        lastMessageAt = performance.now()
        wake()
      })
      // What an older store holds, or what came while the desk was closed: once the desk is up
      // (its start and the inbox's first requests come first).
      wake(START_DELAY_MS)
    },
    /** Resolves once every stored guest message's language is told (tests). */
    idle(): Promise<void> {
      if (stopped) return Promise.resolve()
      return new Promise((resolve) => {
        idleWaiters.push(resolve)
        wake(0)
      })
    },
    stop(): void {
      unsubscribe?.()
      stopped = true
      clearTimeout(timer)
      timer = undefined
      for (const resolve of idleWaiters.splice(0)) resolve()
    },
  }
}

export type GuestLanguageService = ReturnType<typeof createGuestLanguageService>
