import type { Property } from '../db/properties.js'
import type { Store } from '../db/store.js'
import { generateConversations, toIncomingMessage } from './sample-data/generate.js'
import type { Ingest } from './ingest.js'
import type { KnowledgeService } from './knowledge.js'
import type { LeadService } from './leads.js'
import type { ReservationService } from './reservations.js'
import { SAMPLE_KNOWLEDGE } from './sample-data/knowledge-base.js'
import { SAMPLE_TEMPLATES } from './sample-data/templates.js'
import type { TemplateService } from './templates.js'

export interface SampleDataSummary {
  conversations: number
  messages: number
  reservations: number
  leads: number
  knowledgeEntries: number
  templates: number
}

const DAY = 24 * 60 * 60 * 1000
const SAMPLE_CONVERSATIONS = 60
const SAMPLE_MESSAGES = 420

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * A realistic first look at the inbox: guests on web chat and phone calls over the last weeks,
 * a third of them active now, half with a reservation (some arriving today or tomorrow, some in
 * house); a knowledge base of 35 answers in five languages; quick-reply templates. Written through the ingest and reservation services like any pushed data.
 */
export function loadSampleData(
  store: Store,
  services: { ingest: Ingest; reservations: ReservationService; leads: LeadService; knowledge: KnowledgeService; templates: TemplateService },
  property: Property,
  now: number,
): SampleDataSummary {
  const summary: SampleDataSummary = { conversations: 0, messages: 0, reservations: 0, leads: 0, knowledgeEntries: 0, templates: 0 }
  // The AI agent's knowledge base and the desk's quick replies, so a first run shows both at work.
  for (const { id: _topic, ...entry } of SAMPLE_KNOWLEDGE) {
    services.knowledge.create({ ...entry, propertyId: property.id })
    summary.knowledgeEntries++
  }
  for (const template of SAMPLE_TEMPLATES) {
    const created = services.templates.create({ ...template, propertyId: property.id })
    if (!created.ok) throw new Error(`a sample template was refused: ${JSON.stringify(created.problems)}`)
    summary.templates++
  }
  const seed = now % 1_000_000
  const guestsWithReservation = new Set<string>()
  for (const conversation of generateConversations({
    conversations: SAMPLE_CONVERSATIONS,
    messages: SAMPLE_MESSAGES,
    seed,
    now,
    recentShare: 0.35,
    externalIdPrefix: `sample-${seed}`,
  })) {
    const ingested = services.ingest.ingest(property, conversation.messages.map(toIncomingMessage))
    if (!ingested.ok) throw new Error(`sample data was refused: ${JSON.stringify(ingested.problems)}`)
    summary.conversations++
    summary.messages += conversation.messages.length
    // Every seventh guest asked for an offer: the desk captured them as a lead.
    if (conversation.index % 7 === 3) {
      services.leads.capture(store.conversations.get(ingested.value[0]!.conversationId)!)
      summary.leads++
    }

    const { guest, index } = conversation
    if (index % 2 === 1 || guestsWithReservation.has(guest.phone)) continue
    guestsWithReservation.add(guest.phone)
    // Arrivals spread from three days ago (in house) to a month ahead, today and tomorrow included.
    const arrivalOffset = [0, 1, -2, 3, 7, 0, 1, 14, -1, 30][(index / 2) % 10]!
    const arrival = now + arrivalOffset * DAY
    const booked = services.reservations.upsert(property, {
      confirmationNumber: `SMP-${seed}-${index}`,
      firstName: guest.firstName,
      lastName: guest.lastName,
      phone: guest.phone,
      email: guest.email,
      language: guest.language,
      arrival: isoDay(arrival),
      departure: isoDay(arrival + (2 + (index % 4)) * DAY),
      room: String(101 + ((index * 7) % 40)),
      status: arrivalOffset < 0 ? 'checked_in' : 'confirmed',
    })
    if (!booked.ok) throw new Error(`a sample reservation was refused: ${JSON.stringify(booked.problems)}`)
    summary.reservations++
  }
  return summary
}
