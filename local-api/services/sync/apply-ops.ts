// Other desks' ops applied to this desk: each merged field by field into the entity's synced state
// (merge.ts), then the merged entity written as its row. Whatever the order ops arrive in, every
// desk ends with the same rows. Two rows that turn out to be one thing (two desks created the
// conversation of one guest, one reservation, one agent) merge into the smaller id, the other id
// kept as an alias; an op that refers to something not here yet waits (parked) and applies later.
// This module dispatches: each entity's rules are its projector's (projectors/<entity>.ts).
import type { Store } from '../../db/store.js'
import type { SyncRepository } from '../../db/sync.js'
import { mergeFields } from '../../../sync-core/merge.js'
import { isSyncEntity, SYNC_SCHEMA_VERSION, type SnapshotEntity, type SyncEntity, type SyncOp } from '../../../sync-core/protocol.js'
import type { DomainEvent } from '../event-bus.js'
import type { Ingest } from '../ingest.js'
import { trackOwnGuest } from './local-ops.js'
import { guestMergeProjector } from './projectors/guest-merge.js'
import { messageProjector } from './projectors/message.js'
import { APPLIED, type ApplyOutcome } from './projectors/context.js'
import { createProjectors, type Fields, type ProjectedEntity, type Projector } from './projectors/index.js'

export type { ApplyOutcome } from './projectors/context.js'
/** An op, or a snapshot's entity kept for later, whose fields then carry their own clocks. */
export type ParkableOp = SyncOp & { clocks?: Record<string, string> }

export function createOpApplier(store: Store, sync: SyncRepository, ingest: Ingest) {
  const resolve = (entity: SyncEntity, id: unknown) => (typeof id === 'string' ? sync.resolve(entity, id) : undefined)
  const { projectors, settleShortcuts } = createProjectors({ store, sync, resolve })
  const guestMerges = guestMergeProjector({ store, sync, resolve })
  const messages = messageProjector({ store, sync, resolve }, ingest)

  /** Merges writes into an entity and writes its row, unless what it needs is missing. */
  function mergeEntity(entity: SyncEntity, entityId: string, writes: Fields, clockOf: (field: string) => string, touched: Set<string>): ApplyOutcome {
    const id = sync.resolve(entity, entityId)
    const state = sync.entityState(entity, id) ?? { fields: {}, clocks: {} }
    const changed = mergeFields(entity, state, writes, clockOf)
    if (Object.keys(changed).length === 0) return APPLIED
    const projector = projectors[entity as ProjectedEntity] as Projector | undefined
    const waiting = projector?.missing(state.fields)
    if (waiting) return { waiting }
    const finalId = projector ? projector.project(id, state, touched) : id
    if (finalId === id) sync.saveEntityState(entity, id, state)
    return APPLIED
  }

  function applyOne(
    origin: string,
    entity: SyncEntity,
    entityId: string,
    fields: Fields,
    clockOf: (field: string) => string,
    touched: Set<string>,
    now: number,
    published: DomainEvent[],
  ): ApplyOutcome {
    if (entity === 'message') return messages.apply(origin, entityId, fields, touched, now, published)
    // Anything else may read what the run holds (a conversation's summary, a message to delete).
    messages.finish(published)
    // A contact an older desk found in a guest's words and kept as an unverified identity: here it is
    // only a suggestion (made from the conversation's insight), never an identity that links anything.
    if (entity === 'guest_identity' && fields.verified === false) return APPLIED
    // What is written to a profile is kept as its own too (an undone merge gives it back).
    if (entity === 'guest') trackOwnGuest(sync, entityId, fields, clockOf)
    if (entity === 'guest_merge') {
      if (entityId.startsWith('gmg_')) return guestMerges.apply(origin, entityId, fields, clockOf, touched, now)
      return guestMerges.applyLegacy(String(fields.sourceId), String(fields.targetId), clockOf('sourceId'), touched)
    }
    return mergeEntity(entity, entityId, fields, clockOf, touched)
  }

  function publishTouched(touched: Set<string>, published: DomainEvent[]): void {
    for (const conversationId of touched) {
      const conversation = store.conversations.get(conversationId)
      if (conversation) published.push({ type: 'conversation.updated', conversationId, propertyId: conversation.propertyId })
    }
  }

  return {
    /** Applies another desk's op inside the caller's transaction; an op that must wait is parked. */
    apply(op: ParkableOp, now: number, published: DomainEvent[]): ApplyOutcome {
      // A desk on a newer version wrote it: kept until this desk is upgraded (retried at every start).
      if (op.schemaVersion > SYNC_SCHEMA_VERSION || !isSyncEntity(op.entity)) {
        const reason = `written by a newer version (sync schema ${op.schemaVersion}, entity ${op.entity}); applies after an upgrade`
        sync.park(op, reason, now)
        return { waiting: reason }
      }
      const touched = new Set<string>()
      const clockOf = (field: string) => op.clocks?.[field] ?? op.hlc
      const outcome = store.changeLog.replicating(op.clientId, () =>
        applyOne(op.clientId, op.entity as SyncEntity, op.entityId, op.fields, clockOf, touched, now, published),
      )
      if ('waiting' in outcome) sync.park(op, outcome.waiting, now)
      else sync.unpark(op.opId)
      publishTouched(touched, published)
      return outcome
    },

    /** Applies one entity of a snapshot (its fields with their own clocks). */
    applySnapshot(entity: SnapshotEntity, now: number, published: DomainEvent[]): ApplyOutcome {
      const touched = new Set<string>()
      const outcome = store.changeLog.replicating('snapshot', () =>
        applyOne('snapshot', entity.entity, entity.entityId, entity.fields, (field) => entity.clocks[field]!, touched, now, published),
      )
      publishTouched(touched, published)
      return outcome
    },

    settleShortcuts,

    /** Forgets a run whose transaction rolled back (its ops come again with the next pull). */
    discard(): void {
      messages.discard()
    },

    /** Writes the messages held back for a run; call before the transaction commits. */
    finish(published: DomainEvent[]): void {
      messages.finish(published)
    },

    /** Tries the parked ops again (what they waited for may have come); returns how many applied. */
    retryParked(now: number, published: DomainEvent[]): number {
      this.finish(published)
      let applied = 0
      for (let round = 0; round < 5; round++) {
        let progress = 0
        for (const op of sync.parked()) {
          if ('applied' in this.apply(op, now, published)) progress++
        }
        applied += progress
        if (progress === 0) break
      }
      this.finish(published)
      return applied
    },
  }
}

export type OpApplier = ReturnType<typeof createOpApplier>
