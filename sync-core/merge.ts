// How replicas agree on an entity's fields, whatever order ops arrive in. Each field keeps the
// clock of the write that set it; a write wins by its clock (last writer wins), except where the
// domain says otherwise. The same rules run on the central server's state and on every desk, so
// replaying, reordering or duplicating ops always ends in the same state.
import { compareHlc } from './hlc.js'
import type { SyncEntity } from './protocol.js'

export interface FieldWrite {
  value: unknown
  hlc: string
}

/** A reply's delivery moves forward only: queued → sent → delivered; failed can be retried (queued again). */
const DELIVERY_RANK: Record<string, number> = { not_deliverable: 0, queued: 1, failed: 1, sent: 2, delivered: 3 }

/** True when a reply's delivery state may move from `current` to `next` (never backwards). */
export const deliveryMovesForward = (current: string, next: string) => (DELIVERY_RANK[next] ?? 0) >= (DELIVERY_RANK[current] ?? 0)

/** Fields written once and never changed afterwards: the first write (smallest clock) stays. */
const WRITE_ONCE: Partial<Record<SyncEntity, readonly string[]>> = {
  message: ['conversationId', 'direction', 'content', 'createdAt', 'author', 'senderAgentId', 'externalId', 'internal', 'mentions'],
  conversation: ['propertyId', 'channel', 'identity', 'createdAt'],
  guest_identity: ['kind', 'value'],
  guest_merge: ['sourceId', 'targetId', 'reason', 'mergedByAgentId', 'mergedByToken'],
  conversation_event: ['conversationId', 'type', 'data', 'createdAt'],
  contact_suggestion: ['conversationId', 'kind', 'value'],
}

/**
 * Fields where the smallest value stays, whatever wrote it when: two desks that captured one lead
 * (merged into the smaller id) agree it was created when the first of them captured it.
 */
const EARLIEST: Partial<Record<SyncEntity, readonly string[]>> = {
  lead: ['createdAt'],
}

/**
 * A guest profile, once given, is never taken away by "none": a desk that made an identity or a
 * conversation before it knew the guest's profile wrote no profile (null), and that must not undo
 * the link another desk made (one profile replaces another by the clocks, as merges move them).
 */
const NEVER_CLEARED: Partial<Record<SyncEntity, readonly string[]>> = {
  guest_identity: ['guestId'],
  conversation: ['guestId'],
  lead: ['guestId'],
}

/** True when `incoming` should replace `current` for this entity's field. */
export function wins(entity: SyncEntity, field: string, current: FieldWrite | undefined, incoming: FieldWrite): boolean {
  if (!current) return true
  if (
    NEVER_CLEARED[entity]?.includes(field) &&
    (incoming.value === null || incoming.value === undefined) !== (current.value === null || current.value === undefined)
  )
    return current.value === null || current.value === undefined
  if (EARLIEST[entity]?.includes(field) && typeof current.value === 'number' && typeof incoming.value === 'number' && incoming.value !== current.value)
    return incoming.value < current.value
  if (WRITE_ONCE[entity]?.includes(field)) return compareHlc(incoming.hlc, current.hlc) < 0
  // A guest merge once undone stays undone, whatever the clocks say.
  if (entity === 'guest_merge' && field === 'undone' && (current.value === true) !== (incoming.value === true)) return incoming.value === true
  if (entity === 'message' && field === 'status') {
    const [now, next] = [DELIVERY_RANK[String(current.value)] ?? 0, DELIVERY_RANK[String(incoming.value)] ?? 0]
    if (next !== now) return next > now
  }
  return compareHlc(incoming.hlc, current.hlc) > 0
}

/** Merges writes into an entity's fields and clocks; returns the fields that changed. */
export function mergeFields(
  entity: SyncEntity,
  state: { fields: Record<string, unknown>; clocks: Record<string, string> },
  writes: Record<string, unknown>,
  hlcOf: (field: string) => string,
): Record<string, unknown> {
  const changed: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(writes)) {
    const hlc = hlcOf(field)
    const current = field in state.clocks ? { value: state.fields[field], hlc: state.clocks[field]! } : undefined
    if (!wins(entity, field, current, { value, hlc })) continue
    state.fields[field] = value
    state.clocks[field] = hlc
    changed[field] = value
  }
  return changed
}
