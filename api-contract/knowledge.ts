import { Type, type Static } from 'typebox'
import { IsoDateTime, NonBlankString } from './common.js'

export const KnowledgeEntrySchema = Type.Object({
  id: Type.String(),
  propertyId: Type.String(),
  question: Type.String(),
  answer: Type.String({ description: 'May use variables such as {{guest.firstName}}, {{reservation.arrival}}, {{property.name}}.' }),
  tags: Type.String({ description: 'Words guests may use for this topic, space-separated.' }),
  language: Type.String(),
  updatedAt: IsoDateTime,
})
export type KnowledgeEntry = Static<typeof KnowledgeEntrySchema>

const Fields = {
  question: NonBlankString(500),
  answer: NonBlankString(5000),
  tags: Type.String({ maxLength: 500 }),
  language: Type.String({ minLength: 2, maxLength: 35 }),
}

/** POST /v1/knowledge */
export const NewKnowledgeEntryBody = Type.Object(
  {
    propertyId: Type.Optional(Type.String({ maxLength: 100 })),
    question: Fields.question,
    answer: Fields.answer,
    tags: Type.Optional(Fields.tags),
    language: Type.Optional(Fields.language),
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
  },
  { additionalProperties: false, minProperties: 1 },
)
export type KnowledgeEntryChanges = Static<typeof KnowledgeEntryChangesBody>
