import { Type, type Static } from 'typebox'
import { ChannelSchema } from './channels.js'
import { IsoDateTime } from './common.js'
import { ReservationSchema } from './reservations.js'

export const GuestIdentitySchema = Type.Object(
  { type: Type.Enum(['phone', 'email', 'onsite_contact', 'guest_app']), value: Type.String() },
  { description: "phone (E.164) and email are the guest's own; onsite_contact (oc_…) and guest_app threads are issued by their dialects." },
)
export type GuestIdentity = Static<typeof GuestIdentitySchema>

export const ConversationTypeSchema = Type.Enum(['booking', 'lead', 'faq', 'mixed'])
export type ConversationType = Static<typeof ConversationTypeSchema>

/**
 * Why staff (or the AI agent) may reply as they may; the desk's domain/reply-policy.ts decides.
 * window-open: within 24 h of the guest's last message; after it, by channel; no-reply-channel: a phone-call transcript.
 */
export const REPLY_REASONS = ['window-open', 'window-closed-with-warning', 'window-closed-templates-only', 'window-closed', 'no-reply-channel'] as const
export type ReplyReason = (typeof REPLY_REASONS)[number]

const ReplyRuleFields = {
  canReply: Type.Boolean({ description: 'Whether staff (or the AI agent) can send anything.' }),
  templatesOnly: Type.Boolean({ description: 'Only templates WhatsApp approved may be sent.' }),
  reason: Type.Enum([...REPLY_REASONS], {
    description:
      "window-open: within 24 h of the guest's last message, anything may be sent. After it, window-closed-templates-only " +
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
/** The server's answer, as of the request: the rule now, when the 24 h window closes, and the rule after. */
export type ReplyPolicy = Static<typeof ReplyPolicySchema>
/** What may be sent: anything, only approved templates, or nothing. */
export type ReplyRule = ReplyPolicy['afterWindow']

export const ConversationSchema = Type.Object({
  id: Type.String(),
  propertyId: Type.String(),
  channel: ChannelSchema,
  status: Type.Enum(['active', 'expired'], { description: "Active for 24 h after the guest's last message." }),
  guest: Type.Object({
    id: Type.Union([Type.String(), Type.Null()], { description: 'The guest profile (gst_…), once a reservation links it.' }),
    name: Type.Union([Type.String(), Type.Null()]),
    identity: Type.Union([GuestIdentitySchema, Type.Null()]),
  }),
  createdAt: IsoDateTime,
  lastMessageAt: IsoDateTime,
  lastMessagePreview: Type.String(),
  lastMessageDirection: Type.Union([Type.Enum(['in', 'out']), Type.Null()]),
  lastMessageBy: Type.Union(
    [
      Type.Object({
        type: Type.Enum(['guest', 'agent', 'bot', 'property']),
        agentId: Type.Union([Type.String(), Type.Null()]),
        name: Type.Union([Type.String(), Type.Null()]),
      }),
      Type.Null(),
    ],
    { description: "Who wrote the last message (as a message's sender); internal notes never count. Null: no messages yet." },
  ),
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
  type: Type.Union([ConversationTypeSchema, Type.Null()], { description: 'What the conversation is about, from what it contains.' }),
  persona: Type.Union([Type.Enum(['business', 'family', 'couple', 'group', 'long_stay']), Type.Null()]),
  insight: Type.Union([
    Type.Object(
      {
        intent: Type.Object({
          level: Type.Enum(['high', 'medium', 'low']),
          reason: Type.String({ description: 'Why, in English.' }),
          code: Type.Optional(
            Type.Enum(['reservation', 'bookWithDates', 'bookWithDetails', 'book', 'dates', 'questions'], {
              description: 'Why, as a code (absent on older readings).',
            }),
          ),
        }),
        persona: Type.Union([
          Type.Object({
            tag: Type.String(),
            evidence: Type.String({ description: 'What tells it, in English.' }),
            mentions: Type.Optional(Type.Array(Type.String(), { description: "The guest's words that tell it (absent on older readings)." })),
          }),
          Type.Null(),
        ]),
        dates: Type.Array(Type.Object({ text: Type.String(), start: Type.String(), end: Type.Union([Type.String(), Type.Null()]) }), {
          description: "Dates the guest mentions, read relative to each message's time (YYYY-MM-DD).",
        }),
        captured: Type.Object(
          { emails: Type.Array(Type.String()), phones: Type.Array(Type.String()), name: Type.Union([Type.String(), Type.Null()]) },
          {
            description: "Contact data found in the guest's words (unverified).",
          },
        ),
      },
      { description: "Derived from the guest's messages, locally and deterministically." },
    ),
    Type.Null(),
  ]),
  routing: Type.Object({
    queueState: Type.Union([Type.Enum(['queued', 'manual']), Type.Null()], {
      description: 'queued: in the transfer queue; manual: waiting for manual pickup.',
    }),
    assignedAgentId: Type.Union([Type.String(), Type.Null()]),
  }),
  language: Type.Union([Type.String(), Type.Null()], {
    description: "The language the guest writes (a code such as 'de'), detected offline from their messages; null until known.",
  }),
  state: Type.Enum(['open', 'snoozed', 'resolved'], {
    description:
      'open: on the desk; snoozed: out of the way until snoozedUntil (or until the guest writes); resolved: done. A new guest message ' +
      'opens a snoozed or resolved conversation again, as does the end of a snooze.',
  }),
  snoozedUntil: Type.Union([IsoDateTime, Type.Null()], {
    description: 'While snoozed: when it opens again; null when not snoozed or snoozed until the guest writes.',
  }),
  waitingSince: Type.Union([IsoDateTime, Type.Null()], {
    description:
      "Since when the guest has been waiting: their earliest message after the latest reply (the AI agent's handover notice is no reply); " +
      'null when nobody waits. Open and waiting: it needs a reply.',
  }),
  replyPolicy: ReplyPolicySchema,
})
export type Conversation = Static<typeof ConversationSchema>

/** The list's filters, shared by the list, the export and anything else that selects conversations. */
export const CONVERSATION_VIEWS = ['needs_reply', 'open', 'snoozed', 'resolved', 'all'] as const
export const ConversationViewSchema = Type.Enum([...CONVERSATION_VIEWS], {
  description:
    'needs_reply: open with a guest waiting, the longest waiting first; open, snoozed, resolved: by state, newest activity first; ' +
    'all (the default): every conversation, newest activity first.',
})
export type ConversationView = Static<typeof ConversationViewSchema>

export const ConversationFilterFields = {
  propertyId: Type.Optional(Type.String({ minLength: 1 })),
  view: Type.Optional(ConversationViewSchema),
  channel: Type.Optional(ChannelSchema),
  status: Type.Optional(Type.Enum(['active', 'expired'])),
  lead: Type.Optional(Type.Boolean({ description: 'true: only conversations with a captured lead; false: only those without.' })),
  outletId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only guest-app conversations of this outlet (department).' })),
  assignee: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '"me" (the signed-in agent) or an agent id.' })),
  queued: Type.Optional(Type.Boolean({ description: 'true: only conversations waiting in the transfer queue.' })),
  unread: Type.Optional(Type.Boolean({ description: 'true: only conversations with unread messages (or marked unread).' })),
  type: Type.Optional(Type.Enum(['booking', 'lead', 'faq', 'mixed'], { description: 'What the conversation is about.' })),
  language: Type.Optional(
    Type.String({
      pattern: '^[a-z]{2,3}$',
      description: "The language the guest writes (ISO 639-1, as `language` on a conversation; GET /v1/conversation-languages lists the desk's).",
    }),
  ),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Last activity at or after this time.' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Last activity before this time.' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Words of the guest's name, phone or email." })),
  text: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Words in the messages (full-text): among the conversations of the 5,000 most recent matching messages.',
    }),
  ),
}
export const ConversationFiltersSchema = Type.Object(ConversationFilterFields)
export type ConversationFilters = Static<typeof ConversationFiltersSchema>

/** GET /v1/conversations */
export const ConversationPageSchema = Type.Object({ items: Type.Array(ConversationSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) })
export type ConversationPage = Static<typeof ConversationPageSchema>

/** GET /v1/conversations/counts: the filters of the list, but for its view. */
export const ConversationCountFilterFields = (({ view: _view, ...fields }) => fields)(ConversationFilterFields)

/** GET /v1/conversations/counts */
export const ConversationViewCountsSchema = Type.Object(
  {
    needs_reply: Type.Integer({ description: 'Open with a guest waiting.' }),
    open: Type.Integer(),
    snoozed: Type.Integer(),
    resolved: Type.Integer(),
    all: Type.Integer(),
  },
  {
    description:
      "How many conversations each of the list's views holds, for the same other filters. Counting stops at 1000: a view with 1000 or more counts 1000.",
  },
)
export type ConversationViewCounts = Static<typeof ConversationViewCountsSchema>

/** POST /v1/conversations/:id/snooze */
export const SnoozeBody = Type.Object(
  {
    until: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'When it opens again (a time in the future); null: when the guest writes. A guest message opens it sooner either way.',
    }),
  },
  { additionalProperties: false },
)

/** GET /v1/conversations/:id/guest: the side panel's data. */
export const GuestPanelSchema = Type.Object({
  profile: Type.Union([
    Type.Object({
      id: Type.String(),
      firstName: Type.Union([Type.String(), Type.Null()]),
      lastName: Type.Union([Type.String(), Type.Null()]),
      language: Type.Union([Type.String(), Type.Null()]),
      identities: Type.Array(GuestIdentitySchema),
    }),
    Type.Null(),
  ]),
  identity: Type.Union([GuestIdentitySchema, Type.Null()]),
  reservations: Type.Array(ReservationSchema),
  otherConversations: Type.Array(ConversationSchema),
})
export type GuestPanel = Static<typeof GuestPanelSchema>

export const ModeSchema = Type.Enum(['ai', 'human'])

/** PUT /v1/conversations/:id/mode */
export const ModeBody = Type.Object({ mode: ModeSchema }, { additionalProperties: false })
export const ModeChangeSchema = Type.Object({ mode: ModeSchema, changed: Type.Boolean() })

/** PUT /v1/conversations/:id/assignee */
export const AssigneeBody = Type.Object({ agentId: Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()]) }, { additionalProperties: false })

/** GET /v1/conversations/:id/events: the timeline besides messages. */
export const ConversationEventSchema = Type.Object({
  id: Type.String(),
  type: Type.Enum(
    ['mode_changed', 'handover', 'assigned', 'lead_captured', 'lead_status', 'guest_merged', 'guest_merge_undone', 'resolved', 'snoozed', 'reopened'],
    {
      description:
        'guest_merged / guest_merge_undone: data has mergeId, otherGuestId, otherName (the other profile), reason and, for an API token, tokenName. ' +
        "snoozed: data.until (date-time, or null: until the guest writes). reopened: data.reason ('guest wrote', 'snooze ended' or 'staff'). " +
        "resolved: data.reason 'guest quiet after the AI answer' when it resolved itself (autoResolveMinutes), else none.",
    },
  ),
  agent: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()], {
    description: "Who did it; null: the AI agent or the desk's routing.",
  }),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: IsoDateTime,
})
export type ConversationEvent = Static<typeof ConversationEventSchema>
