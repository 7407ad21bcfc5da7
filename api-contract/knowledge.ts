import { Type, type Static } from 'typebox'
import { IsoDateTime, NonBlankString } from './common.js'

export const KnowledgeEntrySchema = Type.Object({
  id: Type.String(),
  propertyId: Type.String(),
  question: Type.String(),
  answer: Type.String({ description: 'May use variables such as {{guest.firstName}}, {{reservation.arrival}}, {{property.name}}.' }),
  tags: Type.String({ description: 'Words guests may use for this topic, space-separated.' }),
  language: Type.String(),
  phrasings: Type.Array(Type.String(), { description: 'More ways guests ask it, in any language: each is matched like the question.' }),
  answers: Type.Record(Type.String(), Type.String(), {
    description: 'The answer in other languages, by language code ({"de": "…"}): a guest writing one of them is answered in it.',
  }),
  updatedAt: IsoDateTime,
})
export type KnowledgeEntry = Static<typeof KnowledgeEntrySchema>

const Fields = {
  question: NonBlankString(500),
  answer: NonBlankString(5000),
  tags: Type.String({ maxLength: 500 }),
  language: Type.String({ minLength: 2, maxLength: 35 }),
  phrasings: Type.Array(NonBlankString(500), { maxItems: 50 }),
  answers: Type.Record(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' }), NonBlankString(5000), { maxProperties: 30, additionalProperties: false }),
}

/** POST /v1/knowledge */
export const NewKnowledgeEntryBody = Type.Object(
  {
    propertyId: Type.Optional(Type.String({ maxLength: 100 })),
    question: Fields.question,
    answer: Fields.answer,
    tags: Type.Optional(Fields.tags),
    language: Type.Optional(Fields.language),
    phrasings: Type.Optional(Fields.phrasings),
    answers: Type.Optional(Fields.answers),
  },
  { additionalProperties: false },
)
export type NewKnowledgeEntry = Static<typeof NewKnowledgeEntryBody>

/** PATCH /v1/knowledge/:id */
export const KnowledgeEntryChangesBody = Type.Object(
  {
    question: Type.Optional(Fields.question),
    answer: Type.Optional(Fields.answer),
    tags: Type.Optional(Fields.tags),
    language: Type.Optional(Fields.language),
    phrasings: Type.Optional(Fields.phrasings),
    answers: Type.Optional(Fields.answers),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type KnowledgeEntryChanges = Static<typeof KnowledgeEntryChangesBody>

/** GET /v1/conversations/:id/suggestion: the reply the AI agent proposes to staff (medium confidence), or null. */
export const SuggestionSchema = Type.Union([
  Type.Object({
    id: Type.String(),
    conversationId: Type.String(),
    messageId: Type.String({ description: 'The guest message it answers.' }),
    entryId: Type.String({ description: 'The knowledge entry it comes from.' }),
    text: Type.String(),
    language: Type.Union([Type.String(), Type.Null()]),
    createdAt: IsoDateTime,
  }),
  Type.Null(),
])
export type Suggestion = NonNullable<Static<typeof SuggestionSchema>>

/** POST /v1/conversations/:id/suggestion/send: as proposed, or with staff's changes in `text`. */
export const SuggestionSendBody = Type.Object({ text: Type.Optional(NonBlankString(5000)) }, { additionalProperties: false })
export type SuggestionSend = Static<typeof SuggestionSendBody>

const UseCounts = {
  answered: Type.Integer({ description: 'Sent by the agent to a guest.' }),
  suggested: Type.Integer({ description: 'Proposed to staff.' }),
  sent: Type.Integer({ description: 'Proposals staff sent as they were.' }),
  edited: Type.Integer({ description: 'Proposals staff sent after changing them.' }),
  dismissed: Type.Integer({ description: 'Proposals staff dismissed.' }),
}

/** GET /v1/knowledge/usage: how each entry was used, and the guest questions that found nothing (newest first). */
export const KnowledgeUsageSchema = Type.Object({
  entries: Type.Array(Type.Object({ entryId: Type.String(), question: Type.String(), ...UseCounts })),
  gaps: Type.Array(
    Type.Object({ question: Type.String(), language: Type.Union([Type.String(), Type.Null()]), conversationId: Type.String(), createdAt: IsoDateTime }),
  ),
})
export type KnowledgeUsage = Static<typeof KnowledgeUsageSchema>
