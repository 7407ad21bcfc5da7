import { Type } from 'typebox'
import { CHANNELS } from '../../domain/channels.js'

export const IsoDateTime = Type.String({ format: 'date-time' })
export const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

export const ChannelSchema = Type.Enum([...CHANNELS], { description: 'The channel a conversation is on.' })

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), message: Type.String(), index: Type.Optional(Type.Integer()) })),
    ),
  },
  { description: 'RFC 9457 problem details' },
)

export const problemResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
}

export const AgentSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  role: Type.Enum(['agent', 'admin']),
  active: Type.Boolean(),
  createdAt: IsoDateTime,
})

export const GuestIdentitySchema = Type.Object({ type: Type.Enum(['phone', 'email']), value: Type.String() })

export const ConversationSchema = Type.Object({
  id: Type.String(),
  propertyId: Type.String(),
  channel: ChannelSchema,
  status: Type.Enum(['active', 'expired'], { description: 'Active for 24 h after the guest\'s last message.' }),
  guest: Type.Object({
    id: Type.Union([Type.String(), Type.Null()], { description: 'The guest profile (gst_…), once a reservation links it.' }),
    name: Type.Union([Type.String(), Type.Null()]),
    identity: Type.Union([GuestIdentitySchema, Type.Null()]),
  }),
  createdAt: IsoDateTime,
  lastMessageAt: IsoDateTime,
  lastMessagePreview: Type.String(),
  lastMessageDirection: Type.Union([Type.Enum(['in', 'out']), Type.Null()]),
  lastGuestMessageAt: Type.Union([IsoDateTime, Type.Null()]),
  unreadCount: Type.Integer(),
  messageCount: Type.Integer(),
  lead: Type.Union([
    Type.Object({ id: Type.String(), status: Type.String(), createdAt: IsoDateTime }, { description: 'The lead captured from this conversation.' }),
    Type.Null(),
  ]),
})

export const MessageContentSchema = Type.Union([
  Type.Object({ type: Type.Literal('text'), text: Type.String() }),
  Type.Object({ type: Type.Literal('email'), subject: Type.String(), body: Type.String() }),
])

export const MessageSchema = Type.Object({
  id: Type.String(),
  conversationId: Type.String(),
  externalId: Type.Union([Type.String(), Type.Null()]),
  direction: Type.Enum(['in', 'out'], { description: 'in: from the guest; out: from the property.' }),
  content: MessageContentSchema,
  status: Type.String(),
  sender: Type.Object(
    {
      type: Type.Enum(['guest', 'agent', 'property']),
      agentId: Type.Union([Type.String(), Type.Null()]),
      name: Type.Union([Type.String(), Type.Null()]),
    },
    { description: 'guest: written by the guest; agent: a staff reply from the inbox; property: pushed as sent by a local system.' },
  ),
  createdAt: IsoDateTime,
  receivedAt: IsoDateTime,
})

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) })

export const ReservationSchema = Type.Object({
  id: Type.String(),
  propertyId: Type.String(),
  confirmationNumber: Type.String(),
  guestId: Type.String({ description: 'The guest profile (gst_…): the unified-messaging userProfileId.' }),
  firstName: Type.Union([Type.String(), Type.Null()]),
  lastName: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  language: Type.Union([Type.String(), Type.Null()]),
  arrival: Type.String(),
  departure: Type.String(),
  room: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
