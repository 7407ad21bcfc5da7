import { Type, type Static } from 'typebox'
import { ConversationSchema } from './conversations.js'
import { ReservationSchema } from './reservations.js'

/** GET /v1/arrivals */
export const ArrivalsQuery = Type.Object({
  day: Type.Optional(Type.String({ description: "today (default), tomorrow, or YYYY-MM-DD, in the property's time zone" })),
  propertyId: Type.Optional(Type.String({ maxLength: 100 })),
})

export const ArrivalSchema = Type.Object({
  reservation: ReservationSchema,
  guestName: Type.Union([Type.String(), Type.Null()]),
  unread: Type.Integer({ description: 'Unread guest messages across their conversations.' }),
  openQuestions: Type.Integer({ description: "Conversations whose last word is the guest's." }),
  conversations: Type.Array(ConversationSchema),
})
export type Arrival = Static<typeof ArrivalSchema>

export const ArrivalsSchema = Type.Object({ day: Type.String(), arrivals: Type.Array(ArrivalSchema) })
export type Arrivals = Static<typeof ArrivalsSchema>
