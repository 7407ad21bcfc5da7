/**
 * Translation, when a property has configured a provider (Settings › Translation): a guest's
 * messages shown in the reader's language, and staff's reply translated into the guest's before it
 * is sent. Every translation is kept (db/translations.ts): no text is sent to a provider twice.
 * Guest messages are translated in the background, never in the write path; a provider that fails
 * leaves the original in place. Without a provider nothing is sent anywhere.
 */
import type { Store } from '../db/store.js'
import type { GuestText } from '../db/translations.js'
import { unreported, type WorkerReport } from './background-failures.js'
import type { EventBus } from './event-bus.js'
import { LLM_SETTING, type LlmProvider } from './llm-client.js'
import { DEEPL_DEFAULT_URL, translateWith, type TranslationProvider } from './translation-client.js'

/** What is stored per property: the provider, its address and key (never shown back). */
export interface TranslationSetting {
  kind: 'libretranslate' | 'deepl' | 'llm'
  url: string | null
  apiKey: string | null
}

export const translationSettingKey = (propertyId: string) => `translation.provider:${propertyId}`

/** Translations are read in windows of this many guest messages, newest first (older windows as the reader scrolls up). */
const WINDOW = 100
/** Texts per provider call. */
const BATCH = 25
/** A message the provider could not translate is asked again after this long. */
const RETRY_AFTER_MS = 60_000

/** The language part that decides whether a text needs translating: 'zh-Hant' and 'zh' read alike; 'de-CH' and 'de' too. */
const baseOf = (language: string) => language.split('-')[0]!.toLowerCase()

export class NoTranslationProvider extends Error {
  constructor() {
    super("no translation provider is configured for this conversation's property (Settings › Translation)")
  }
}

export function createTranslationService(store: Store, events: EventBus, clock: () => number = Date.now, report: WorkerReport = unreported()) {
  /** Messages being translated, or failed lately, by `${messageId} ${target}`. */
  const inFlight = new Set<string>()
  const failedAt = new Map<string, number>()
  let queue: Promise<void> = Promise.resolve()

  function providerFor(propertyId: string): TranslationProvider | undefined {
    const setting = store.settings.get<TranslationSetting>(translationSettingKey(propertyId))
    if (!setting) return undefined
    if (setting.kind === 'llm') {
      const llm = store.settings.get<LlmProvider>(LLM_SETTING)
      return llm ? { kind: 'llm', llm } : undefined
    }
    if (setting.kind === 'deepl') return { kind: 'deepl', url: setting.url ?? DEEPL_DEFAULT_URL, apiKey: setting.apiKey }
    return setting.url ? { kind: 'libretranslate', url: setting.url, apiKey: setting.apiKey } : undefined
  }

  /** `texts` (all in `from`) in `to`: the kept ones from the cache, the others from the provider (then kept). */
  async function translate(provider: TranslationProvider, texts: string[], from: string | null, to: string): Promise<string[]> {
    const kept = texts.map((text) => store.translations.get(from, text, to))
    const missing = [...new Set(texts.filter((_, index) => kept[index] === undefined))]
    if (missing.length) {
      const translated = await translateWith(provider, { texts: missing, from, to })
      const now = clock()
      store.transaction(() => missing.forEach((text, index) => store.translations.put(from, text, to, translated[index]!, now)))
    }
    return texts.map((text, index) => kept[index] ?? store.translations.get(from, text, to)!)
  }

  /** Translates a conversation's messages in the background, one provider call per language and batch. */
  function translateLater(conversationId: string, propertyId: string, provider: TranslationProvider, messages: GuestText[], to: string): void {
    const keys = messages.map((message) => `${message.id} ${to}`)
    keys.forEach((key) => inFlight.add(key))
    queue = queue.then(async () => {
      const byLanguage = new Map<string, GuestText[]>()
      for (const message of messages) byLanguage.set(message.language!, [...(byLanguage.get(message.language!) ?? []), message])
      for (const [from, group] of byLanguage) {
        for (let start = 0; start < group.length; start += BATCH) {
          const batch = group.slice(start, start + BATCH)
          try {
            await translate(provider, [...new Set(batch.map((message) => message.text))], from, to)
          } catch (error) {
            batch.forEach((message) => failedAt.set(`${message.id} ${to}`, clock()))
            report.failed('a translation failed; the messages stay as written', { error, conversationId, level: 'warn' })
          }
          batch.forEach((message) => inFlight.delete(`${message.id} ${to}`))
          // The reader's chat asks again for its translations (or learns that they failed).
          events.publish(batch.map((message) => ({ type: 'message.updated', conversationId, propertyId, messageId: message.id }) as const))
        }
      }
    })
  }

  return {
    /** Whether the property has a provider (the composer offers translating a reply). */
    configured: (propertyId: string) => providerFor(propertyId) !== undefined,

    /**
     * The conversation's newest guest messages (or those older than the message `before`, as the
     * reader scrolls up) not written in `to`, as far as they are translated; the others are
     * translated in the background (each then a message.updated event). `nextBefore` asks for the
     * window older than this one (null: no older guest message is in another language).
     */
    messageTranslations(conversation: { id: string; propertyId: string }, to: string, before?: string) {
      const provider = providerFor(conversation.propertyId)
      const window = store.translations.newestGuestTexts(conversation.id, WINDOW + 1, before)
      // An older window only where an older message needs translating (a long chat in the reader's language asks once).
      const oldest = window.length > WINDOW ? window[WINDOW - 1]!.id : null
      const nextBefore = oldest !== null && store.translations.foreignOlderThan(conversation.id, oldest, baseOf(to)) ? oldest : null
      const foreign = window.slice(0, WINDOW).filter((message) => message.language !== null && baseOf(message.language) !== baseOf(to))
      const items: { messageId: string; from: string; text: string }[] = []
      const missing: GuestText[] = []
      let pending = 0
      let failed = 0
      for (const message of foreign) {
        const kept = store.translations.get(message.language, message.text, to)
        const key = `${message.id} ${to}`
        if (kept !== undefined) items.push({ messageId: message.id, from: message.language!, text: kept })
        else if (inFlight.has(key)) pending++
        else if (!provider || clock() - (failedAt.get(key) ?? -Infinity) < RETRY_AFTER_MS) failed += provider ? 1 : 0
        else missing.push(message)
      }
      if (provider && missing.length) {
        translateLater(conversation.id, conversation.propertyId, provider, missing, to)
        pending += missing.length
      }
      return { to, available: provider !== undefined, items, pending, failed, nextBefore }
    },

    /** Staff's text in the guest's language, for review before sending; throws NoTranslationProvider or the provider's failure. */
    async translateText(propertyId: string, text: string, from: string | null, to: string): Promise<string> {
      const provider = providerFor(propertyId)
      if (!provider) throw new NoTranslationProvider()
      const [translated] = await translate(provider, [text], from, to)
      return translated!
    },

    /** Resolves once the background translations asked for so far are done (tests). */
    idle: () => queue,
  }
}

export type TranslationService = ReturnType<typeof createTranslationService>
