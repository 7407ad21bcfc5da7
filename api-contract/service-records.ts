import { Type, type Static } from 'typebox'
import { IsoDateTime } from './common.js'

/** GET /v1/conversations/:id/service-record: a memo and every custom field with its value. */
export const ServiceRecordSchema = Type.Object({
  conversationId: Type.String(),
  memo: Type.String(),
  values: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), value: Type.String() }), {
    description: "Every custom field of the property, with this conversation's value (empty when unset).",
  }),
  updatedAt: Type.Union([IsoDateTime, Type.Null()]),
})
export type ServiceRecord = Static<typeof ServiceRecordSchema>

const Values = Type.Array(Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }), value: Type.String({ maxLength: 2000 }) }), { maxItems: 200 })

/** PUT /v1/conversations/:id/service-record: the memo, and values of custom fields (by id). */
export const ServiceRecordBody = Type.Object(
  { memo: Type.Optional(Type.String({ maxLength: 10_000 })), values: Type.Optional(Values) },
  { additionalProperties: false },
)
export type ServiceRecordChanges = Static<typeof ServiceRecordBody>
