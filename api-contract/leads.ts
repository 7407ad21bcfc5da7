import { Type, type Static } from 'typebox'
import { ChannelSchema } from './channels.js'
import { IsoDateTime } from './common.js'

export const LEAD_STATUSES = ['new', 'contacted', 'follow_up', 'converted', 'lost'] as const
export const LeadStatusSchema = Type.Enum([...LEAD_STATUSES], { description: 'new → contacted → follow_up → converted / lost' })
export type LeadStatus = Static<typeof LeadStatusSchema>

export const LeadSchema = Type.Object({
  id: Type.String(),
  conversationId: Type.String(),
  guestId: Type.Union([Type.String(), Type.Null()]),
  guestName: Type.Union([Type.String(), Type.Null()]),
  channel: ChannelSchema,
  status: LeadStatusSchema,
  notes: Type.String(),
  reservationId: Type.Union([Type.String(), Type.Null()], { description: 'The reservation that converted it.' }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type LeadDetail = Static<typeof LeadSchema>

/** GET /v1/leads */
export const LeadsQuery = Type.Object({ status: Type.Optional(Type.Enum([...LEAD_STATUSES])), limit: Type.Integer({ minimum: 1, maximum: 500, default: 200 }) })

/** PATCH /v1/leads/:id */
export const LeadChangesBody = Type.Object(
  { status: Type.Optional(Type.Enum([...LEAD_STATUSES])), notes: Type.Optional(Type.String({ maxLength: 10_000 })) },
  { additionalProperties: false, minProperties: 1 },
)
export type LeadChanges = Static<typeof LeadChangesBody>
