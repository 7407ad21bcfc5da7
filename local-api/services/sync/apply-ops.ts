// Other desks' ops applied to this desk: each merged field by field into the entity's synced state
// (merge.ts), then the merged entity written as its row. Whatever the order ops arrive in, every
// desk ends with the same rows. Two rows that turn out to be one thing (two desks created the
// conversation of one guest, one reservation, one agent) merge into the smaller id, the other id
// kept as an alias; an op that refers to something not here yet waits (parked) and applies later.
// An op this desk cannot apply at all (its fields break the entity's schema, or its projector fails,
// e.g. on a CHECK constraint) is parked as failed, undone to its savepoint, and the page goes on:
// no op stops sync. An admin retries the failed ones (after an upgrade).
// This module dispatches: each entity's rules are its projector's (projectors/<entity>.ts).
import type { Store } from '../../db/store.js'
import { storageFailureOf } from '../../db/storage-failure.js'
import type { SyncRepository } from '../../db/sync.js'
import { invalidFields } from '../../../sync-core/fields.js'
import { mergeFields } from '../../../sync-core/merge.js'
import { isSyncEntity, SYNC_SCHEMA_VERSION, type SnapshotEntity, type SyncEntity, type SyncOp } from '../../../sync-core/protocol.js'
import type { DomainEvent } from '../event-bus.js'
import { noCandidates, type GuestLinking, type LinkCandidates } from '../guest-linking.js'
import type { Ingest } from '../ingest.js'
import { trackOwnGuest } from './local-ops.js'
import { guestMergeProjector } from './projectors/guest-merge.js'
import { messageProjector } from './projectors/message.js'
import { APPLIED, reasonOf, type ApplyOutcome } from './projectors/context.js'
import { createProjectors, type Fields, type ProjectedEntity, type Projector } from './projectors/index.js'

export type { ApplyOutcome } from './projectors/context.js'
/** An op, or a snapshot's entity kept for later, whose fields then carry their own clocks. */
export type ParkableOp = SyncOp & { clocks?: Record<string, string> }

export function createOpApplier(store: Store, sync: SyncRepository, ingest: Ingest, linking: Pick<GuestLinking, 'settle'>) {
  const resolve = (entity: SyncEntity, id: unknown) => (typeof id === 'string' ? sync.resolve(entity, id) : undefined)
  // What arrived whose guest links to settle once the page is written (services/guest-linking.ts):
  // linking then runs as this desk's own change, so what it links is sent on like a push's links.
  let toLink: LinkCandidates = noCandidates()
  const sameGuest = (a: string, b: string) => toLink.sameGuests.push([a, b])
  const { projectors, settleShortcuts } = createProjectors({ store, sync, resolve, sameGuest })
  const guestMerges = guestMergeProjector({ store, sync, resolve, sameGuest })
  // The ops of the message run under way, by message id: those of a message whose write fails are parked.
  const runOps = new Map<string, ParkableOp[]>()
  let failedNow = 0
  const messages = messageProjector({ store, sync, resolve, sameGuest }, ingest, (messageId, reason) => {
    for (const op of runOps.get(messageId) ?? []) {
      sync.unpark(op.opId)
      sync.parkFailed(op, reason, parkedAt)
      failedNow++
    }
  })
  let parkedAt = 0
  const finishRun = (published: DomainEvent[]) => {
    messages.finish(published)
    runOps.clear()
  }

  /**
   * A verified contact or a reservation that two desks gave to two profiles makes them one guest,
   * whichever write wins the field (so the losing write is looked at too).
   */
  function noteSameGuest(entity: SyncEntity, entityId: string, fields: Fields): void {
    if ((entity !== 'guest_identity' && entity !== 'reservation') || typeof fields.guestId !== 'string') return
    const known = sync.entityState(entity, sync.resolve(entity, entityId))?.fields.guestId
    if (typeof known !== 'string') return
    const [a, b] = [sync.resolve('guest', known), sync.resolve('guest', fields.guestId)]
    if (a !== b) sameGuest(a, b)
  }

  function noteForLinking(entity: SyncEntity, entityId: string, touched: Set<string>): void {
    if (entity === 'guest_identity') toLink.identities.add(entityId)
    else if (entity === 'reservation') toLink.reservations.add(sync.resolve('reservation', entityId))
    else if (entity === 'guest') toLink.guests.add(sync.resolve('guest', entityId))
    for (const conversationId of touched) toLink.conversations.add(conversationId)
  }
  function settleLinks(published: DomainEvent[]): void {
    const candidates = toLink
    toLink = noCandidates()
    if (Object.values(candidates).every((list) => ('size' in list ? list.size : list.length) === 0)) return
    try {
      published.push(...store.savepoint(() => linking.settle(candidates, parkedAt)).published)
    } catch (error) {
      // The disk fails the round (retried); a linking failure must not stop sync: said, and tried with the next page.
      if (storageFailureOf(error)) throw error
      sync.updateConfig({ lastError: `linking guests failed: ${reasonOf(error)}` })
    }
  }

  /** Applies in a savepoint: a throw undoes only this op's writes, and parks it as failed. */
  function guarded(op: ParkableOp, now: number, work: () => ApplyOutcome): ApplyOutcome {
    parkedAt = now
    const badField = invalidFields(op)
    const outcome: ApplyOutcome = badField
      ? { failed: badField }
      : (() => {
          try {
            return store.savepoint(work)
          } catch (error) {
            // The disk, not the op: the round fails and is retried, nothing is parked.
            if (storageFailureOf(error)) throw error
            return { failed: reasonOf(error) }
          }
        })()
    if ('failed' in outcome) {
      sync.unpark(op.opId)
      sync.parkFailed(op, outcome.failed, now)
    }
    return outcome
  }

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
    finishRun(published)
    // A contact an older desk found in a guest's words and kept as an unverified identity: here it is
    // only a suggestion (made from the conversation's insight), never an identity that links anything.
    if (entity === 'guest_identity' && fields.verified === false) return APPLIED
    // What is written to a profile is kept as its own too (an undone merge gives it back).
    if (entity === 'guest') trackOwnGuest(sync, entityId, fields, clockOf)
    if (entity === 'guest_merge') {
      if (entityId.startsWith('gmg_')) return guestMerges.apply(origin, entityId, fields, clockOf, touched, now)
      return guestMerges.applyLegacy(String(fields.sourceId), String(fields.targetId), clockOf('sourceId'), touched)
    }
    noteSameGuest(entity, entityId, fields)
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
      // The message run is written before this op's savepoint: its failures are its own ops'.
      if (op.entity !== 'message') finishRun(published)
      const outcome = guarded(op, now, () =>
        store.changeLog.replicating(op.clientId, () =>
          applyOne(op.clientId, op.entity as SyncEntity, op.entityId, op.fields, clockOf, touched, now, published),
        ),
      )
      if ('waiting' in outcome) sync.park(op, outcome.waiting, now)
      else if ('applied' in outcome) {
        noteForLinking(op.entity as SyncEntity, op.entityId, touched)
        sync.unpark(op.opId)
        sync.unparkFailed(op.opId)
        if (op.entity === 'message') runOps.set(op.entityId, [...(runOps.get(op.entityId) ?? []), op])
      }
      publishTouched(touched, published)
      return outcome
    },

    /** Applies one entity of a snapshot (its fields with their own clocks). */
    applySnapshot(entity: SnapshotEntity, now: number, published: DomainEvent[]): ApplyOutcome {
      const touched = new Set<string>()
      if (entity.entity !== 'message') finishRun(published)
      const outcome = guarded(snapshotOp(entity), now, () =>
        store.changeLog.replicating('snapshot', () =>
          applyOne('snapshot', entity.entity, entity.entityId, entity.fields, (field) => entity.clocks[field]!, touched, now, published),
        ),
      )
      if ('applied' in outcome) noteForLinking(entity.entity, entity.entityId, touched)
      publishTouched(touched, published)
      return outcome
    },

    settleShortcuts,

    /** Forgets a run whose transaction rolled back (its ops come again with the next pull). */
    discard(): void {
      messages.discard()
      runOps.clear()
      toLink = noCandidates()
    },

    /** Writes the messages held back for a run and settles the guest links of what arrived; call before the transaction commits. */
    finish(published: DomainEvent[]): void {
      finishRun(published)
      settleLinks(published)
    },

    /**
     * Applies the ops parked as failed again, in the order they were parked (an admin asks, after
     * an upgrade): those that apply now, or now only wait for what they refer to, leave the failed
     * list; the others stay with their newer reason. Returns how many applied and how many stay.
     */
    retryFailed(now: number, published: DomainEvent[]): { applied: number; stillParked: number } {
      this.finish(published)
      failedNow = 0
      let applied = 0
      let failed = 0
      for (const op of sync.failedOps()) {
        const outcome = this.apply(op, now, published)
        if ('failed' in outcome) failed++
        else {
          sync.unparkFailed(op.opId)
          if ('applied' in outcome) applied++
        }
      }
      this.finish(published)
      applied -= failedNow
      return { applied, stillParked: failed + failedNow }
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

/** A snapshot's entity as an op whose fields carry their own clocks (kept when it waits or fails). */
export function snapshotOp(entity: { entity: string; entityId: string; fields: Record<string, unknown>; clocks: Record<string, string> }): ParkableOp {
  return {
    opId: `snapshot:${entity.entity}:${entity.entityId}`,
    clientId: 'snapshot',
    clientSeq: 1,
    hlc: Object.values(entity.clocks).sort().at(-1) ?? '000000000000000-0000-snapshot',
    clocks: entity.clocks,
    space: '',
    entity: entity.entity,
    entityId: entity.entityId,
    fields: entity.fields,
    schemaVersion: SYNC_SCHEMA_VERSION,
  }
}
