// The sync protocol between desks and the central server: its shapes, as TypeBox schemas (the
// central server validates with them) and types.
import { Type, type Static } from 'typebox'

/** Bumped when ops change shape. Changes are additive: a desk keeps ops it cannot read yet. */
export const SYNC_SCHEMA_VERSION = 1

/** What is synced. A space is a property's id, or GROUP for what every property shares. */
export const SYNC_ENTITIES = [
  'property',
  'agent',
  'guest',
  'guest_identity',
  'guest_merge',
  'conversation',
  'message',
  'reservation',
  'template',
  'knowledge_entry',
  'lead',
  'conversation_event',
  'contact_suggestion',
] as const
export type SyncEntity = (typeof SYNC_ENTITIES)[number]

/** Guest profiles, their identities and merges, and staff are the group's; the rest is a property's. */
export const GROUP_SPACE = 'group'
export const GROUP_ENTITIES: readonly SyncEntity[] = ['agent', 'guest', 'guest_identity', 'guest_merge']

const Id = Type.String({ minLength: 1, maxLength: 200 })
export const ClientIdSchema = Type.String({ pattern: '^[0-9a-z]{8,32}$', description: "A desk database's own id (also its clock node)." })

export const SyncOpSchema = Type.Object(
  {
    opId: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$', description: 'UUIDv7' }),
    clientId: ClientIdSchema,
    clientSeq: Type.Integer({ minimum: 1 }),
    hlc: Type.String({ pattern: '^\\d{15}-[0-9a-f]{4}-[0-9a-z]{1,32}$' }),
    space: Id,
    entity: Type.String({ minLength: 1, maxLength: 50 }),
    entityId: Id,
    fields: Type.Record(Type.String(), Type.Unknown()),
    schemaVersion: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
)
export type SyncOp = Static<typeof SyncOpSchema>

export const PushRequestSchema = Type.Object({
  clientId: ClientIdSchema,
  schemaVersion: Type.Integer({ minimum: 1 }),
  ops: Type.Array(SyncOpSchema, { maxItems: 1000 }),
})
export type PushRequest = Static<typeof PushRequestSchema>

export interface PushResponse {
  /** Every op up to this client sequence is stored (or recorded as rejected): drop them. */
  ackedSeq: number
  /** The server's clock, for the desk's clock to take in. */
  serverHlc: string
  rejected: { opId: string; clientSeq: number; reason: string }[]
}

/** A push that skipped ahead of what the server has: resend from `ackedSeq + 1`. */
export interface PushGap {
  error: 'gap'
  ackedSeq: number
  serverHlc: string
}

export interface PulledOp {
  serverSeq: number
  op: SyncOp
}

export type PullResponse =
  /** `headSeq`: the space's last sequence when this was read (how far there is to go). */
  | { ops: PulledOp[]; lastSeq: number; hasMore: boolean; headSeq: number; serverHlc: string }
  /** The cursor is older than what the server keeps: take a snapshot, then pull from its `asOfSeq`. */
  | { reset: true; serverHlc: string }

/** The state of one entity in a snapshot: each field with the clock of the write that set it. */
export interface SnapshotEntity {
  entity: SyncEntity
  entityId: string
  fields: Record<string, unknown>
  clocks: Record<string, string>
}

export interface SnapshotPage {
  /** Pull from here once every page is applied. */
  asOfSeq: number
  entities: SnapshotEntity[]
  /** On the first page: how many entities the whole snapshot holds. */
  total?: number
  /** Pass back for the next page; null on the last. */
  next: string | null
  serverHlc: string
}

export interface HelloResponse {
  schemaVersion: number
  serverHlc: string
  device: { id: string; name: string; propertyId: string }
  spaces: string[]
  /** The client's acknowledged sequence: what the server already has of this desk. */
  ackedSeq: number
}

export const isSyncEntity = (entity: string): entity is SyncEntity => (SYNC_ENTITIES as readonly string[]).includes(entity)
export const spaceOf = (entity: SyncEntity, propertyId: string) => (GROUP_ENTITIES.includes(entity) ? GROUP_SPACE : propertyId)

/** The order entities are applied in from a snapshot: what others refer to comes first. */
export const ENTITY_RANK: Record<SyncEntity, number> = {
  property: 0,
  agent: 1,
  guest: 2,
  guest_merge: 3,
  guest_identity: 4,
  reservation: 5,
  template: 6,
  knowledge_entry: 7,
  conversation: 8,
  lead: 9,
  conversation_event: 10,
  message: 11,
  // A staff decision on a contact the guest wrote: after its conversation.
  contact_suggestion: 12,
}
export const rankOf = (entity: SyncEntity) => ENTITY_RANK[entity]
