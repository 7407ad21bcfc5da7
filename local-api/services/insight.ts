import type { Conversation, ConversationInsight } from '../db/conversations.js'
import type { Store } from '../db/store.js'
import { showsBookingIntent } from '../domain/bot-policy.js'
import { suggestionId } from '../domain/contact-suggestions.js'
import type { ContactKind } from '../domain/identity.js'
import { extractContacts } from '../domain/insight/contacts.js'
import { datesOfInterest } from '../domain/insight/dates.js'
import { buyerPersona, conversationKind, givesStayDetails, intentLevel } from '../domain/insight/profile.js'
import { unreported, type WorkerReport } from './background-failures.js'
import type { DomainEvent, EventBus } from './event-bus.js'

// Cheap checks before the costly readers: most messages hold no date and no contact at all.
const MAY_HOLD_DATE =
  /\d|\b(today|tonight|tomorrow|weekend|week|month|next|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|heute|morgen|wochenende|woche|nächste|aujourd|demain|semaine|prochain|oggi|domani|settimana|prossim|hoy|mañana|semana|próxim)/i
const MAY_HOLD_CONTACT = /@|\d[\d\s().-]{5,}\d|name|heiße|appelle|chiamo|llamo|i'm|i am|this is|ich bin|je suis|sono|soy/i

/** How long without new messages counts as quiet; how long a conversation may wait under load; the spacing then. */
const QUIET_MS = 200
const MAX_WAIT_MS = 5_000
const BUSY_SPACING_MS = 50

const EMPTY: ConversationInsight = {
  readUpTo: 0,
  kind: null,
  persona: null,
  intent: { level: 'low', reason: 'asks questions only' },
  dates: [],
  captured: { emails: [], phones: [], name: null },
  cues: { bookingIntent: false, details: false, personaTexts: [] },
}

/**
 * Guest insight: after every message, in the background, the conversation's new guest messages are
 * read once each — dates of interest, contact data, booking intent, persona cues — and the type,
 * persona and intent are worked out again. Contact data found in text is only a claim: it becomes a
 * suggestion staff decide on (services/contact-suggestions.ts), never an identity of a profile.
 */
export function createInsightService(store: Store, events: EventBus, clock: () => number = Date.now, report: WorkerReport = unreported()) {
  const waiting = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let unsubscribe: (() => void) | undefined
  const idleWaiters: (() => void)[] = []
  // Reading is background work: it waits for a quiet moment, and under sustained traffic reads one
  // conversation at a time, spaced out, so pushes and the inbox keep the CPU.
  let lastMessageAt = 0
  let waitingSince = 0

  function schedule(conversationId: string) {
    lastMessageAt = performance.now()
    if (waiting.size === 0) waitingSince = lastMessageAt
    waiting.add(conversationId)
    timer ??= setTimeout(drain, QUIET_MS)
  }

  function drain() {
    timer = undefined
    const [next] = waiting
    if (next === undefined) {
      for (const resolve of idleWaiters.splice(0)) resolve()
      return
    }
    const now = performance.now()
    const quiet = now - lastMessageAt >= QUIET_MS
    if (!quiet && now - waitingSince < MAX_WAIT_MS) {
      timer = setTimeout(drain, QUIET_MS)
      return
    }
    waiting.delete(next)
    waitingSince = now
    try {
      refresh(next)
    } catch (error) {
      // A malformed old record, a busy store: the next message reads it again.
      report.failed('could not read a conversation for insight', { error, conversationId: next, level: 'warn' })
    }
    timer = quiet ? setTimeout(drain, 0) : setTimeout(drain, BUSY_SPACING_MS)
  }

  function refresh(conversationId: string): void {
    const conversation = store.conversations.get(conversationId)
    if (!conversation) return
    const property = store.properties.get(conversation.propertyId)!
    const insight: ConversationInsight = structuredClone(conversation.insight ?? EMPTY)
    const fresh = store.messages.guestTextsAfter(conversationId, insight.readUpTo)
    const found = { emails: new Set<string>(), phones: new Set<string>(), name: null as string | null }
    for (const message of fresh) {
      const text = message.text
      if (MAY_HOLD_DATE.test(text)) {
        for (const date of datesOfInterest(text, new Date(message.createdAt))) {
          if (!insight.dates.some((known) => known.start === date.start && known.end === date.end)) insight.dates.push(date)
        }
      }
      if (MAY_HOLD_CONTACT.test(text)) {
        const contacts = extractContacts(text, property.defaultCountry)
        contacts.emails.forEach((email) => found.emails.add(email))
        contacts.phones.forEach((phone) => found.phones.add(phone))
        if (contacts.name) found.name = [contacts.name.firstName, contacts.name.lastName].filter(Boolean).join(' ')
      }
      insight.cues.bookingIntent ||= showsBookingIntent(text)
      insight.cues.details ||= givesStayDetails(text)
      insight.cues.personaTexts = [...insight.cues.personaTexts, text].slice(-20)
      insight.readUpTo = message.rowid
    }
    insight.dates = insight.dates.slice(-10)
    insight.captured = {
      emails: [...new Set([...insight.captured.emails, ...found.emails])],
      phones: [...new Set([...insight.captured.phones, ...found.phones])],
      name: found.name ?? insight.captured.name,
    }
    const persona = buyerPersona(insight.cues.personaTexts)
    insight.persona = persona ? { tag: persona.persona, evidence: persona.evidence, mentions: persona.mentions } : null
    const hasReservation = conversation.guestId !== null && store.reservations.byGuest(conversation.guestId).length > 0
    insight.intent = intentLevel({ bookingIntent: insight.cues.bookingIntent, dates: insight.dates.length, details: insight.cues.details, hasReservation })
    insight.kind = conversationKind({
      bookingIntent: insight.cues.bookingIntent,
      // A captured lead: marked as one, or the guest wrote down how to reach them.
      lead: conversation.lead !== null || insight.captured.emails.length > 0 || insight.captured.phones.length > 0,
      faqAnswered: store.messages.agentAnsweredFromKnowledge(conversationId),
    })
    if (JSON.stringify(insight) === JSON.stringify(conversation.insight) && !found.emails.size && !found.phones.size && !found.name) return

    const now = clock()
    const published = store.transaction(() => {
      store.conversations.setInsight(conversationId, insight)
      store.changeLog.append('conversation', conversationId, 'update', { kind: insight.kind, persona: insight.persona?.tag ?? null, insight }, now)
      suggestContacts(conversation, found, now)
      return [{ type: 'conversation.updated', conversationId, propertyId: conversation.propertyId }] satisfies DomainEvent[]
    })
    events.publish(published)
  }

  /**
   * Contacts the guest wrote become suggestions of the conversation for staff to link or dismiss;
   * never identities: they link no conversation or reservation, and a name written does not
   * become the profile's name. A value that already is this conversation's own (its channel
   * identity, or a verified identity of its profile) suggests nothing.
   */
  function suggestContacts(conversation: Conversation, found: { emails: Set<string>; phones: Set<string> }, now: number): void {
    const contacts: [ContactKind, string][] = [
      ...[...found.emails].map((v): [ContactKind, string] => ['email', v]),
      ...[...found.phones].map((v): [ContactKind, string] => ['phone', v]),
    ]
    for (const [kind, value] of contacts) {
      if (conversation.identity?.kind === kind && conversation.identity.value === value) continue
      if (conversation.guestId !== null && store.contactSuggestions.verifiedOwner(kind, value) === conversation.guestId) continue
      const id = suggestionId(conversation.id, kind, value)
      if (store.contactSuggestions.found(id, conversation.id, kind, value, now)) {
        store.changeLog.append('contact_suggestion', id, 'insert', { conversationId: conversation.id, kind, value, foundAt: now }, now)
      }
    }
  }

  return {
    start(): void {
      unsubscribe = events.subscribe((event) => {
        // The desk that stored a message first reads it; its reading reaches the others by sync.
        if ((event.type === 'message.created' && !event.replicated) || (event.type === 'conversation.event' && event.eventType === 'lead_captured'))
          schedule(event.conversationId)
      })
    },
    /** Reads a conversation now (tests; the backfill of existing data). */
    refresh,
    /** Resolves once every waiting conversation has been read. */
    idle(): Promise<void> {
      return waiting.size || timer ? new Promise((resolve) => idleWaiters.push(resolve)) : Promise.resolve()
    },
    stop(): void {
      unsubscribe?.()
      clearTimeout(timer)
      timer = undefined
      waiting.clear()
      for (const resolve of idleWaiters.splice(0)) resolve()
    },
  }
}

export type InsightService = ReturnType<typeof createInsightService>
