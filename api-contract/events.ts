import { Type, type Static } from 'typebox'

const Direction = Type.Enum(['in', 'out'])

/**
 * GET /v1/events (Server-Sent Events): `event: <type>`, `data: <json>` of this shape, published
 * only after its transaction has committed. Every event names the property it belongs to: the
 * stream shows a property-bound credential only its own property's events (and a notification
 * only to the agent it is for).
 */
export const DomainEventSchema = Type.Union([
  Type.Object({ type: Type.Literal('conversation.created'), conversationId: Type.String(), propertyId: Type.String() }),
  Type.Object({ type: Type.Literal('conversation.updated'), conversationId: Type.String(), propertyId: Type.String() }),
  Type.Object({
    type: Type.Literal('message.created'),
    conversationId: Type.String(),
    propertyId: Type.String(),
    messageId: Type.String(),
    direction: Direction,
    createdAt: Type.Integer({ description: 'Milliseconds since the epoch.' }),
    replicated: Type.Optional(Type.Literal(true, { description: "Another desk stored it first and sync brought it here; that desk's agents act on it." })),
    internal: Type.Optional(Type.Literal(true, { description: 'An internal note: sent only to signed-in staff, never to an API token.' })),
  }),
  Type.Object({ type: Type.Literal('reservation.upserted'), reservationId: Type.String(), propertyId: Type.String(), guestId: Type.String() }),
  Type.Object(
    { type: Type.Literal('message.updated'), conversationId: Type.String(), propertyId: Type.String(), messageId: Type.String() },
    { description: "A reply's delivery state changed (queued, sent, failed, not_deliverable)." },
  ),
  Type.Object(
    { type: Type.Literal('conversation.event'), conversationId: Type.String(), propertyId: Type.String(), eventType: Type.String() },
    { description: 'A timeline event: a takeover, a handover, an assignment, a lead change.' },
  ),
  Type.Object(
    {
      type: Type.Literal('notification.created'),
      agentId: Type.String(),
      propertyId: Type.Union([Type.String(), Type.Null()], { description: 'The property of the conversation it is about (null: none).' }),
      notificationId: Type.String(),
    },
    { description: 'For one agent only (agentId).' },
  ),
])
export type DomainEvent = Static<typeof DomainEventSchema>
