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
const SLICE_MS = 3
/**
 * The pause between slices while the desk is in use (messages arrive, the inbox or an integrator
 * asks: they keep the CPU), and otherwise: a backfill takes about a fifth of an idle desk's time.
 */
const BUSY_PAUSE_MS = 50
const QUIET_PAUSE_MS = 12
/**
 * A backfill writes what it told this often, not after every slice: each write makes the desk's
 * readers start over with an empty page cache (SQLite's WAL), which slowed the list twofold.
 */
const WRITE_EVERY_MS = 2_000
const START_DELAY_MS = 1_000
/** New messages are told this long after the first of them came (a burst is told together). */
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
  let lastBusyAt = -Infinity
  let modelAsked = false
  let unsubscribe: (() => void) | undefined
  // Told but not written yet, and how far: a backfill writes every WRITE_EVERY_MS, not every slice.
  let told: { rowid: number; conversationId: string; propertyId: string; language: string | null }[] = []
  let toldUpTo: number | undefined
  let writtenUpTo: number | undefined
  let writtenAt = performance.now()
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
      // A busy or failing store: what was told and not written is told again (from the kept position).
      told = []
      toldUpTo = undefined
      report.failed("could not tell guest messages' languages", { error, level: 'warn' })
    }
    if (more) {
      const busy = performance.now() - lastBusyAt < QUIET_MS
      wake(busy ? BUSY_PAUSE_MS : QUIET_PAUSE_MS)
    } else if (!timer) {
      for (const resolve of idleWaiters.splice(0)) resolve()
    }
  }

  /** Tells the next messages' languages (as many as one slice allows); whether any are left. */
  function tellSome(): boolean {
    if (toldUpTo === undefined) toldUpTo = writtenUpTo = keptPosition()
    const messages = store.messages.guestTextsFrom(toldUpTo, CHUNK)
    const started = performance.now()
    let read = 0
    for (const message of messages) {
      told.push({ ...message, language: guestLanguageOf(message.text) })
      toldUpTo = message.rowid
      read++
      if (performance.now() - started >= SLICE_MS) break
    }
    const caughtUp = read === messages.length && messages.length < CHUNK
    if (caughtUp || performance.now() - writtenAt >= WRITE_EVERY_MS) {
      const changed = write()
      // A backfill's conversations are not announced one by one (the inbox would reload its list
      // for each); the inbox reads their languages when it next loads. New messages are announced.
      if (caughtUp) events.publish(changed)
    }
    return !caughtUp
  }

  /** Writes what was told since the last write, with the position reached, in one transaction. */
  function write(): DomainEvent[] {
    writtenAt = performance.now()
    if (toldUpTo === undefined || toldUpTo === writtenUpTo) return []
    const batch = told
    const upTo = toldUpTo
    const changed = store.transaction(() => {
      const conversations = new Map<string, string>()
      for (const message of batch) {
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
      store.settings.put(TOLD_UP_TO_KEY, upTo)
      return updated
    })
    told = []
    writtenUpTo = upTo
    return changed
  }

  function keptPosition(): number {
    const kept = store.settings.get<unknown>(TOLD_UP_TO_KEY)
    return typeof kept === 'number' && Number.isSafeInteger(kept) ? kept : 0
  }

  return {
    start(): void {
      stopped = false
      unsubscribe = events.subscribe((event) => {
        if (event.type !== 'message.created') return
        lastBusyAt = performance.now()
        wake()
      })
      // What an older store holds, or what came while the desk was closed: once the desk is up
      // (its start and the inbox's first requests come first).
      wake(START_DELAY_MS)
    },
    /** The desk is answering someone (the inbox, an integrator): a backfill steps back for a while. */
    inUse(): void {
      lastBusyAt = performance.now()
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
      try {
        if (!stopped) write()
      } catch (error) {
        // Told again after the next start, from the position last written.
        report.failed("could not write guest messages' languages on stopping", { error, level: 'warn' })
      }
      stopped = true
      clearTimeout(timer)
      timer = undefined
      for (const resolve of idleWaiters.splice(0)) resolve()
    },
  }
}

export type GuestLanguageService = ReturnType<typeof createGuestLanguageService>
