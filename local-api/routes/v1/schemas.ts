import { Type } from 'typebox'
import { CHANNELS } from '../../domain/channels.js'
import { REPLY_REASONS } from '../../domain/reply-policy.js'
import { EARLIEST_DAY, EARLIEST_TIMESTAMP_ISO } from '../../domain/timestamps.js'
import { NON_BLANK_PATTERN } from '../../../sync-core/http/validation.js'

export const IsoDateTime = Type.String({ format: 'date-time' })

/**
 * A time a client says something happened (a message's createdAt, messageCreatedAt): RFC 3339 with
 * a zone, from 2000-01-01 on. The domain check (domain/timestamps.ts) also refuses far-future ones.
 */
export const Timestamp = (options: { description?: string } = {}) =>
  Type.String({ format: 'date-time', formatMinimum: EARLIEST_TIMESTAMP_ISO, ...options, description: options.description ?? 'RFC 3339 with a zone, e.g. 2026-02-10T10:30:00Z; from 2000-01-01, at most a day ahead.' })

/** A calendar day a client gives (a stay's arrival or departure): YYYY-MM-DD, from 2000-01-01 on. */
export const Day = (options: { description?: string } = {}) =>
  Type.String({ format: 'date', formatMinimum: EARLIEST_DAY, description: 'YYYY-MM-DD, from 2000-01-01', ...options })

/**
 * A string that must say something: at least one character that is not whitespace (message texts,
 * template bodies, knowledge entries); "" and "   " are both "must not be blank". Kept as written.
 */
export const NonBlankString = (maxLength: number, options: { description?: string } = {}) =>
  Type.String({ maxLength, pattern: NON_BLANK_PATTERN, ...options })

/**
 * A name or a confirmation number: not blank, and its leading and trailing whitespace is removed
 * before it is stored (`x-trim`, applied by the validator; see sync-core/http/validation.ts).
 */
export const Name = (maxLength: number, options: { description?: string } = {}) =>
  Type.String({ maxLength, pattern: NON_BLANK_PATTERN, 'x-trim': true, ...options })
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

export const GuestIdentitySchema = Type.Object(
  { type: Type.Enum(['phone', 'email', 'onsite_contact', 'guest_app']), value: Type.String() },
  { description: 'phone (E.164) and email are the guest\'s own; onsite_contact (oc_…) and guest_app threads are issued by their dialects.' },
)

const ReplyRuleFields = {
  canReply: Type.Boolean({ description: 'Whether staff (or the AI agent) can send anything.' }),
  templatesOnly: Type.Boolean({ description: 'Only templates WhatsApp approved may be sent.' }),
  reason: Type.Enum([...REPLY_REASONS], {
    description:
      'window-open: within 24 h of the guest\'s last message, anything may be sent. After it, window-closed-templates-only ' +
      '(WhatsApp: approved templates only), window-closed (Messenger, Instagram: nothing until the guest writes again) or ' +
      'window-closed-with-warning (other channels: replies go, the guest may not expect one). no-reply-channel: a phone-call ' +
      'transcript, call the guest back.',
  }),
}

export const ReplyPolicySchema = Type.Object(
  {
    ...ReplyRuleFields,
    windowEndsAt: Type.Union([IsoDateTime, Type.Null()], { description: 'When the 24 h window closes; null when it is closed.' }),
    afterWindow: Type.Object(ReplyRuleFields, { description: 'The rule once windowEndsAt has passed (the same as now when the window is closed).' }),
  },
  { description: 'What may be sent to the guest, as of the request; the reply endpoint enforces the same (409).' },
)

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
  source: Type.Object(
    {
      channelAccount: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
      onsiteContact: Type.Union([Type.Object({ id: Type.String(), sn: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
      outlet: Type.Union([Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }), Type.Null()]),
      orderCode: Type.Union([Type.String(), Type.Null()]),
    },
    { description: 'Where it came from: the channel account and onsite contact (text-call), the outlet (department) and order (guest app).' },
  ),
  mode: Type.Enum(['ai', 'human'], { description: 'ai: the AI agent answers guest messages; human: staff do.' }),
  type: Type.Union([Type.Enum(['booking', 'lead', 'faq', 'mixed']), Type.Null()], { description: 'What the conversation is about, from what it contains.' }),
  persona: Type.Union([Type.Enum(['business', 'family', 'couple', 'group', 'long_stay']), Type.Null()]),
  insight: Type.Union([
    Type.Object(
      {
        intent: Type.Object({ level: Type.Enum(['high', 'medium', 'low']), reason: Type.String() }),
        persona: Type.Union([Type.Object({ tag: Type.String(), evidence: Type.String() }), Type.Null()]),
        dates: Type.Array(Type.Object({ text: Type.String(), start: Type.String(), end: Type.Union([Type.String(), Type.Null()]) }), {
          description: 'Dates the guest mentions, read relative to each message\'s time (YYYY-MM-DD).',
        }),
        captured: Type.Object({ emails: Type.Array(Type.String()), phones: Type.Array(Type.String()), name: Type.Union([Type.String(), Type.Null()]) }, {
          description: 'Contact data found in the guest\'s words (unverified).',
        }),
      },
      { description: 'Derived from the guest\'s messages, locally and deterministically.' },
    ),
    Type.Null(),
  ]),
  routing: Type.Object({
    queueState: Type.Union([Type.Enum(['queued', 'manual']), Type.Null()], { description: 'queued: in the transfer queue; manual: waiting for manual pickup.' }),
    assignedAgentId: Type.Union([Type.String(), Type.Null()]),
  }),
  replyPolicy: ReplyPolicySchema,
})

const Text = (maxLength: number) => NonBlankString(maxLength)
const Url = Type.String({
  minLength: 1,
  maxLength: 2000,
  description: 'An http(s) address, or /v1/attachments/att_… for a file stored in the desk\'s data dir.',
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
        quickReplies: Type.Array(
          Type.Object({ title: Text(200), payload: Type.Optional(Type.String({ maxLength: 1000 })) }, closed),
          { minItems: 1, maxItems: 13 },
        ),
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
    { description: 'An outbound reply\'s way to the channel webhook; null for guest messages and pushed ones.' },
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
