import type { Conversation, ConversationInsight } from '../db/conversations.js'
import type { Store } from '../db/store.js'
import { showsBookingIntent } from '../domain/bot-policy.js'
import { newId } from '../domain/ids.js'
import type { ContactKind } from '../domain/identity.js'
import { extractContacts } from '../domain/insight/contacts.js'
import { datesOfInterest } from '../domain/insight/dates.js'
import { buyerPersona, conversationKind, givesStayDetails, intentLevel } from '../domain/insight/profile.js'
import type { DomainEvent, EventBus } from './event-bus.js'

// Cheap checks before the costly readers: most messages hold no date and no contact at all.
const MAY_HOLD_DATE = /\d|\b(today|tonight|tomorrow|weekend|week|month|next|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|heute|morgen|wochenende|woche|nächste|aujourd|demain|semaine|prochain|oggi|domani|settimana|prossim|hoy|mañana|semana|próxim)/i
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
 * persona and intent are worked out again. Contact data found in text becomes unverified identities
 * of the guest's profile (one is made when there is none), so reservations link as usual.
 */
export function createInsightService(store: Store, events: EventBus, clock: () => number = Date.now) {
  const waiting = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let unsubscribe: (() => void) | undefined
  let idleWaiters: (() => void)[] = []
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
    } catch {
      // A conversation removed meanwhile, or a malformed old record: the next message retries it.
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
    insight.persona = persona ? { tag: persona.persona, evidence: persona.evidence } : null
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
      captureContacts(conversation, found, now)
      return [{ type: 'conversation.updated', conversationId, propertyId: conversation.propertyId }] satisfies DomainEvent[]
    })
    events.publish(published)
  }

  /** Adds what the guest wrote to their profile (made if missing); an address already known to a profile links to it. */
  function captureContacts(conversation: Conversation, found: { emails: Set<string>; phones: Set<string>; name: string | null }, now: number): void {
    const contacts: [ContactKind, string][] = [...[...found.emails].map((v): [ContactKind, string] => ['email', v]), ...[...found.phones].map((v): [ContactKind, string] => ['phone', v])]
    if (!contacts.length && !found.name) return
    let guestId = conversation.guestId
    // An address that already belongs to a profile (from a reservation) ties this conversation to it.
    for (const [kind, value] of contacts) {
      const known = store.guests.findIdentity(kind, value)
      if (known?.guestId && !guestId) guestId = known.guestId
    }
    if (!guestId) {
      guestId = newId('gst')
      const guest = { id: guestId, firstName: null, lastName: null, language: null, createdAt: now, updatedAt: now }
      store.guests.insert(guest)
      store.changeLog.append('guest', guestId, 'insert', guest, now)
    }
    const own = conversation.identity && store.guests.findIdentity(conversation.identity.kind, conversation.identity.value)
    const toLink = own && own.guestId === null ? [own] : []
    for (const [kind, value] of contacts) {
      const known = store.guests.findIdentity(kind, value)
      if (!known) {
        store.guests.insertIdentity(kind, value, guestId, now, false)
        store.changeLog.append('guest_identity', `${kind}:${value}`, 'insert', { kind, value, guestId, verified: false }, now)
      } else if (known.guestId === null) toLink.push(known)
    }
    for (const identity of toLink) {
      if (store.guests.linkIdentity(identity.rowid, guestId)) {
        store.changeLog.append('guest_identity', `${identity.kind}:${identity.value}`, 'update', { guestId }, now)
        store.conversations.linkIdentityConversations(identity.rowid, guestId)
      }
    }
    if (conversation.guestId !== guestId) {
      store.conversations.setGuest(conversation.id, guestId)
      store.changeLog.append('conversation', conversation.id, 'update', { guestId }, now)
    }
    const guest = store.guests.get(guestId)!
    if (found.name && !guest.firstName) {
      const [firstName, ...rest] = found.name.split(' ')
      const named = { ...guest, firstName: firstName!, lastName: guest.lastName ?? (rest.join(' ') || null), updatedAt: now }
      store.guests.update(named)
      store.changeLog.append('guest', guestId, 'update', { firstName: named.firstName, lastName: named.lastName }, now)
    }
    for (const linked of store.conversations.byGuest(guestId)) {
      store.conversations.refreshSearchText(linked)
    }
  }

  return {
    start(): void {
      unsubscribe = events.subscribe((event) => {
        // The desk that stored a message first reads it; its reading reaches the others by sync.
        if ((event.type === 'message.created' && !event.replicated) || (event.type === 'conversation.event' && event.eventType === 'lead_captured')) schedule(event.conversationId)
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
