import { Type, type Static } from 'typebox'
import { IsoDateTime, NonBlankString } from './common.js'

const Text = (maxLength: number) => NonBlankString(maxLength)
const Url = Type.String({
  minLength: 1,
  maxLength: 2000,
  description: "An http(s) address, or /v1/attachments/att_… for a file stored in the desk's data dir.",
})
const closed = { additionalProperties: false } as const

/** Every message type, as the native API takes and returns it (and every dialect maps to). */
export const MessageContentSchema = Type.Union(
  [
    Type.Object({ type: Type.Literal('text'), text: Text(5000), isMail: Type.Optional(Type.Boolean()) }, closed),
    Type.Object({ type: Type.Literal('email'), subject: Type.String({ maxLength: 1000 }), body: Type.String({ maxLength: 100_000 }) }, closed),
    Type.Object(
      { type: Type.Literal('quick_reply'), text: Text(1000), payload: Type.Optional(Type.String({ maxLength: 1000 })) },
      { ...closed, description: 'The guest tapped one of the options of a response.' },
    ),
    Type.Object(
      {
        type: Type.Literal('response'),
        text: Text(5000),
        quickReplies: Type.Array(Type.Object({ title: Text(200), payload: Type.Optional(Type.String({ maxLength: 1000 })) }, closed), {
          minItems: 1,
          maxItems: 13,
        }),
      },
      { ...closed, description: 'A reply offering the guest options to tap.' },
    ),
    Type.Object(
      {
        type: Type.Literal('image'),
        url: Url,
        caption: Type.Optional(Type.String({ maxLength: 1000 })),
        mimeType: Type.Optional(Type.String({ maxLength: 100 })),
        size: Type.Optional(Type.Integer({ minimum: 0 })),
      },
      closed,
    ),
    Type.Object(
      {
        type: Type.Literal('file'),
        url: Url,
        name: Text(255),
        mimeType: Type.Optional(Type.String({ maxLength: 100 })),
        size: Type.Optional(Type.Integer({ minimum: 0 })),
      },
      closed,
    ),
    Type.Object(
      {
        type: Type.Literal('location'),
        latitude: Type.Number({ minimum: -90, maximum: 90 }),
        longitude: Type.Number({ minimum: -180, maximum: 180 }),
        name: Type.Optional(Type.String({ maxLength: 200 })),
        address: Type.Optional(Type.String({ maxLength: 500 })),
      },
      closed,
    ),
    Type.Object(
      {
        type: Type.Literal('contact'),
        name: Text(200),
        phone: Type.Optional(Type.String({ maxLength: 40 })),
        email: Type.Optional(Type.String({ maxLength: 254 })),
      },
      closed,
    ),
  ],
  { description: 'text, email, quick_reply, response, image, file, location or contact' },
)
export type MessageContent = Static<typeof MessageContentSchema>

export const MessageSchema = Type.Object({
  id: Type.String(),
  conversationId: Type.String(),
  externalId: Type.Union([Type.String(), Type.Null()]),
  direction: Type.Enum(['in', 'out'], { description: 'in: from the guest; out: from the property.' }),
  content: MessageContentSchema,
  status: Type.String(),
  sender: Type.Object(
    {
      type: Type.Enum(['guest', 'agent', 'bot', 'property']),
      agentId: Type.Union([Type.String(), Type.Null()]),
      name: Type.Union([Type.String(), Type.Null()]),
    },
    { description: 'guest: written by the guest; agent: a staff reply from the inbox; bot: the AI agent; property: pushed as sent by a local system.' },
  ),
  agentTools: Type.Array(Type.Enum(['rag', 'pms', 'llm']), { description: 'What the AI agent used: the knowledge base, the reservation, an LLM.' }),
  replyLatencyMs: Type.Union([Type.Integer(), Type.Null()], { description: 'How long the guest waited for this AI agent reply.' }),
  original: Type.Union([Type.Object({ text: Type.String(), language: Type.Union([Type.String(), Type.Null()]) }), Type.Null()], {
    description: 'A reply staff wrote in their own language and sent translated: what they wrote (the text is what the guest received).',
  }),
  internal: Type.Boolean({
    description: 'An internal note by staff for staff: never sent to the guest; only signed-in staff ever read one (API tokens do not).',
  }),
  mentions: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), { description: 'The agents an internal note mentions.' }),
  delivery: Type.Union(
    [
      Type.Object({
        state: Type.Enum(['queued', 'sent', 'failed', 'not_deliverable']),
        attempts: Type.Integer(),
        lastError: Type.Union([Type.String(), Type.Null()]),
        notDeliverable: Type.Union([Type.Enum(['phone-call transcript', 'no channel webhook']), Type.Null()]),
      }),
      Type.Null(),
    ],
    { description: "An outbound reply's way to the channel webhook; null for guest messages and pushed ones." },
  ),
  createdAt: IsoDateTime,
  receivedAt: IsoDateTime,
})
export type Message = Static<typeof MessageSchema>

/** GET /v1/conversations/:id/messages */
export const MessagePageSchema = Type.Object({ items: Type.Array(MessageSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) })
export type MessagePage = Static<typeof MessagePageSchema>

/** POST /v1/conversations/:id/notes: an internal note, with the agents it mentions (ids chosen in the composer, never guessed from the text). */
export const NoteBody = Type.Object(
  {
    text: NonBlankString(5000),
    mentions: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20, uniqueItems: true, description: 'Ids (agt_…) of the agents to notify.' }),
    ),
  },
  { additionalProperties: false },
)
export type Note = Static<typeof NoteBody>

/** POST /v1/conversations/:id/messages: a reply as text, any content, or a template filled for the guest. */
export const ReplyBody = Type.Union([
  Type.Object(
    {
      text: NonBlankString(5000),
      original: Type.Optional(
        Type.Object(
          { text: NonBlankString(5000), language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z]{2,4})?$' })) },
          {
            additionalProperties: false,
            description: 'What staff wrote, when `text` is its translation for the guest (POST /v1/translate): kept with the message.',
          },
        ),
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object({ content: MessageContentSchema }, { additionalProperties: false }),
  Type.Object({ templateId: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
])
export type Reply = Static<typeof ReplyBody>
