import type { Property } from '../db/properties.js'
import type { Store } from '../db/store.js'
import type { ConversationService } from './conversations.js'
import type { Ingest, IncomingMessage } from './ingest.js'
import type { KnowledgeService } from './knowledge.js'
import type { LeadService } from './leads.js'
import type { ReservationService } from './reservations.js'
import { SAMPLE_KNOWLEDGE } from './sample-data/knowledge-base.js'
import { sampleStories, type SampleStory } from './sample-data/stories.js'
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

const SAMPLE_CONVERSATIONS = 36

export interface SampleDataServices {
  ingest: Ingest
  reservations: ReservationService
  leads: LeadService
  knowledge: KnowledgeService
  templates: TemplateService
  conversations: ConversationService
}

const identityOf = (story: SampleStory) => ({ kind: story.identity, value: story.identity === 'phone' ? story.guest.phone : story.guest.email })

/** A story's messages with the guest, as a local system would push them. */
const messagesOf = (story: SampleStory, prefix: string, agentId: string | undefined): IncomingMessage[] =>
  story.lines.flatMap((line, index): IncomingMessage[] =>
    line.from === 'note'
      ? []
      : [
          {
            channel: story.channel,
            identity: identityOf(story),
            direction: line.from === 'guest' ? 'in' : 'out',
            content: { type: 'text', text: line.text },
            createdAt: line.at,
            externalId: `${prefix}-${index}`,
            // What staff wrote in the chat of a conversation they took on is theirs; a call's words are the call's.
            ...(line.from === 'desk' && agentId && story.channel !== 'phone' && story.outcome === 'assign' ? { senderAgentId: agentId } : {}),
          },
        ],
  )

/** The notes staff left in a story's conversation: the admin's, as a note is always a signed-in agent's. */
const notesOf = (story: SampleStory, conversationId: string, agentId: string): IncomingMessage[] =>
  story.lines
    .filter((line) => line.from === 'note')
    .map((line) => ({
      channel: story.channel,
      conversationId,
      direction: 'out',
      content: { type: 'text', text: line.text },
      createdAt: line.at,
      senderAgentId: agentId,
      internal: true,
      mentions: [],
    }))

/**
 * A realistic first look at the inbox: a week of a hotel's guests on web chat and the phone, each
 * conversation about one stay whose reservation says the same (arriving today and tomorrow, in house,
 * gone home), a few enquiries captured as leads, some taken on by the admin, most handled and resolved,
 * a few waiting for a reply now, with the notes staff left each other; a knowledge base of 35 answers in five languages; quick-reply
 * templates. Written through the ingest, reservation and conversation services like any pushed data.
 */
export function loadSampleData(
  store: Store,
  services: SampleDataServices,
  property: Property,
  now: number,
  { adminId }: { adminId?: string } = {},
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
  const actor = adminId ? { agentId: adminId } : 'system'
  const stories = sampleStories({ count: SAMPLE_CONVERSATIONS, seed, now, country: property.defaultCountry, timeZone: property.timeZone })
  for (const [index, story] of stories.entries()) {
    const ingested = services.ingest.ingest(property, messagesOf(story, `sample-${seed}-${index}`, adminId))
    if (!ingested.ok) throw new Error(`sample data was refused: ${JSON.stringify(ingested.problems)}`)
    summary.conversations++
    const conversationId = ingested.value[0]!.conversationId
    summary.messages += ingested.value.length
    if (adminId && story.lines.some((line) => line.from === 'note')) {
      const noted = services.ingest.ingest(property, notesOf(story, conversationId, adminId))
      if (!noted.ok) throw new Error(`a sample note was refused: ${JSON.stringify(noted.problems)}`)
      summary.messages += noted.value.length
    }
    if (story.lead) {
      services.leads.capture(store.conversations.get(conversationId)!)
      summary.leads++
    }
    if (story.stay) {
      const booked = services.reservations.upsert(property, {
        ...story.stay,
        firstName: story.guest.firstName,
        lastName: story.guest.lastName,
        phone: story.guest.phone,
        email: story.guest.email,
        language: story.guest.language,
      })
      if (!booked.ok) throw new Error(`a sample reservation was refused: ${JSON.stringify(booked.problems)}`)
      summary.reservations++
    }
    const conversation = store.conversations.get(conversationId)!
    if (story.outcome === 'assign' && adminId) services.conversations.assign(conversation, adminId, actor)
    if (story.outcome === 'resolve') services.conversations.resolve(conversation, actor)
  }
  return summary
}
