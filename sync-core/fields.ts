// What each synced entity's fields may hold: the kinds, enums and lengths the desks' projectors and
// their tables accept. The central server refuses an op that breaks them (so it never reaches
// another desk), and a desk checks what it pulls the same way. Every field may be null ("not
// given"); fields not listed pass (a newer desk's additions are kept until an upgrade reads them).
import { Type, type TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import type { SyncEntity, SyncOp } from './protocol.js'

const Null = Type.Null()
const nullable = (schema: TSchema) => Type.Union([schema, Null])
const Ref = nullable(Type.String({ minLength: 1, maxLength: 200 }))
const Name = nullable(Type.String({ maxLength: 500 }))
const Text = nullable(Type.String({ maxLength: 100_000 }))
const Time = nullable(Type.Integer({ minimum: 0, maximum: 8_640_000_000_000_000 }))
const Bool = nullable(Type.Boolean())
const Obj = nullable(Type.Object({}, { additionalProperties: true }))
const oneOf = (values: readonly string[]) => nullable(Type.Union(values.map((value) => Type.Literal(value))))
const Day = nullable(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}', maxLength: 40 }))

export const CHANNEL_VALUES = ['web_chat', 'phone', 'whatsapp', 'facebook', 'instagram', 'sms', 'email', 'guest_app'] as const
export const IDENTITY_KINDS = ['phone', 'email', 'onsite_contact', 'guest_app'] as const
const Language = nullable(Type.String({ maxLength: 35 }))

const entity = (fields: Record<string, TSchema>) =>
  Type.Object(Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, Type.Optional(schema)])), { additionalProperties: true })

/** Each entity's fields, as the projectors read them. */
export const ENTITY_FIELD_SCHEMAS = {
  property: entity({ name: Name, defaultCountry: nullable(Type.String({ maxLength: 10 })), timeZone: Name, createdAt: Time, updatedAt: Time }),
  agent: entity({
    name: Name,
    email: Name,
    role: oneOf(['agent', 'admin']),
    active: Bool,
    passwordHash: nullable(Type.String({ maxLength: 1000 })),
    uiLanguage: Language,
    createdAt: Time,
    updatedAt: Time,
  }),
  guest: entity({ firstName: Name, lastName: Name, language: Language, createdAt: Time, updatedAt: Time }),
  guest_identity: entity({ kind: oneOf(IDENTITY_KINDS), value: Name, guestId: Ref, verified: Bool, createdAt: Time }),
  guest_merge: entity({
    sourceId: Ref,
    targetId: Ref,
    reason: Text,
    mergedByAgentId: Ref,
    mergedByToken: Ref,
    undone: Bool,
    undoneByAgentId: Ref,
    undoneByToken: Ref,
    createdAt: Time,
    undoneAt: Time,
  }),
  conversation: entity({
    propertyId: Ref,
    channel: oneOf(CHANNEL_VALUES),
    identity: nullable(Type.Object({ kind: oneOf(IDENTITY_KINDS), value: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: true })),
    guestId: Ref,
    mode: oneOf(['ai', 'human']),
    queueState: oneOf(['queued', 'manual']),
    assignedAgentId: Ref,
    kind: oneOf(['booking', 'lead', 'faq', 'mixed']),
    persona: oneOf(['business', 'family', 'couple', 'group', 'long_stay']),
    insight: Obj,
    orderCode: Name,
    state: oneOf(['open', 'snoozed', 'resolved']),
    snoozedUntil: Time,
    waitingSince: Time,
    language: Language,
    createdAt: Time,
    updatedAt: Time,
  }),
  message: entity({
    conversationId: Ref,
    externalId: Name,
    direction: oneOf(['in', 'out']),
    content: nullable(Type.Object({ type: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: true })),
    status: nullable(Type.String({ minLength: 1, maxLength: 50 })),
    senderAgentId: Ref,
    author: oneOf(['bot']),
    meta: Obj,
    // An internal note (staff only) and the agents it mentions.
    internal: Bool,
    mentions: nullable(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 })),
    createdAt: Time,
  }),
  reservation: entity({
    propertyId: Ref,
    confirmationNumber: Name,
    guestId: Ref,
    firstName: Name,
    lastName: Name,
    phone: Name,
    email: Name,
    language: Language,
    arrival: Day,
    departure: Day,
    room: Name,
    status: oneOf(['confirmed', 'checked_in', 'checked_out', 'cancelled', 'no_show']),
    createdAt: Time,
    updatedAt: Time,
  }),
  template: entity({
    propertyId: Ref,
    name: Name,
    shortcut: Name,
    body: Text,
    language: Language,
    channel: oneOf(CHANNEL_VALUES),
    approval: oneOf(['pending', 'approved', 'rejected']),
    deleted: Bool,
    createdAt: Time,
    updatedAt: Time,
  }),
  knowledge_entry: entity({
    propertyId: Ref,
    question: Text,
    answer: Text,
    tags: Text,
    language: Language,
    phrasings: nullable(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 50 })),
    answers: nullable(Type.Record(Type.String({ maxLength: 35 }), Type.String({ maxLength: 5000 }), { maxProperties: 30 })),
    deleted: Bool,
    createdAt: Time,
    updatedAt: Time,
  }),
  lead: entity({
    conversationId: Ref,
    guestId: Ref,
    status: oneOf(['new', 'contacted', 'follow_up', 'converted', 'lost']),
    notes: Text,
    createdByAgentId: Ref,
    reservationId: Ref,
    createdAt: Time,
    updatedAt: Time,
  }),
  conversation_event: entity({
    conversationId: Ref,
    type: oneOf([
      'mode_changed',
      'handover',
      'assigned',
      'lead_captured',
      'lead_status',
      'guest_merged',
      'guest_merge_undone',
      'resolved',
      'snoozed',
      'reopened',
    ]),
    agentId: Ref,
    data: Obj,
    createdAt: Time,
  }),
  contact_suggestion: entity({
    conversationId: Ref,
    kind: oneOf(['phone', 'email']),
    value: Name,
    status: oneOf(['new', 'linked', 'dismissed']),
    foundAt: Time,
    decidedAt: Time,
    decidedBy: Ref,
  }),
} satisfies Record<SyncEntity, TSchema>

const compiled = Object.fromEntries(Object.entries(ENTITY_FIELD_SCHEMAS).map(([name, schema]) => [name, Compile(schema)])) as Record<
  SyncEntity,
  ReturnType<typeof Compile>
>

/** Why an op's entity id or fields break its entity's schema, or null when they are fine. */
export function invalidFields(op: Pick<SyncOp, 'entity' | 'entityId' | 'fields'>): string | null {
  const validator = compiled[op.entity as SyncEntity]
  if (!validator) return `unknown entity "${op.entity}"`
  if (op.entity === 'guest_identity') {
    const kind = op.entityId.split(':')[0]!
    if (!(IDENTITY_KINDS as readonly string[]).includes(kind) || !op.entityId.includes(':'))
      return `guest_identity ${JSON.stringify(op.entityId.slice(0, 60))}: its kind must be one of ${IDENTITY_KINDS.join(', ')}`
  }
  // PostgreSQL's JSON cannot hold U+0000: such an op would stop the central store, not just be refused.
  if (op.entityId.includes('\u0000') || JSON.stringify(op.fields).includes('\\u0000'))
    return `${op.entity} fields: text may not contain the NUL character (U+0000)`
  if (validator.Check(op.fields)) return null
  const [error] = validator.Errors(op.fields)
  if (!error) return `${op.entity} fields do not match their schema`
  const path = 'instancePath' in error ? String(error.instancePath).replace(/^\//, '') : ''
  const field = path.split('/')[0]
  const value = field ? JSON.stringify(op.fields[field]) : undefined
  const got = value === undefined ? '' : ` (got ${value.length > 60 ? `${value.slice(0, 60)}… (${value.length} characters)` : value})`
  return `${op.entity} field ${path || '(fields)'}: ${error.message}${got}`.slice(0, 300)
}
