// Other desks' ops applied to this desk: each merged field by field into the entity's synced state
// (merge.ts), then the merged entity written as its row. Whatever the order ops arrive in, every
// desk ends with the same rows. Two rows that turn out to be one thing (two desks created the
// conversation of one guest, one reservation, one agent) merge into the smaller id, the other id
// kept as an alias; an op that refers to something not here yet waits (parked) and applies later.
import type { Store } from '../../db/store.js'
import type { SyncRepository } from '../../db/sync.js'
import type { SyncProjections } from '../../db/sync-projections.js'
import type { GuestMerge } from '../../db/guest-merges.js'
import { deliveryMovesForward, mergeFields } from '../../domain/sync/merge.js'
import { isSyncEntity, SYNC_SCHEMA_VERSION, type SnapshotEntity, type SyncEntity, type SyncOp } from '../../domain/sync/protocol.js'
import type { MessageContent } from '../../domain/message-content.js'
import type { DomainEvent } from '../event-bus.js'
import type { Ingest, ReplicatedMessage } from '../ingest.js'
import { foldGuest, reprojectGuestRefs, splitGuest, trackOwnGuest } from './local-ops.js'
import { createProjectors, str, type Fields, type ProjectedEntity, type Projector } from './projectors/index.js'

export type ApplyOutcome = { applied: true } | { waiting: string }
/** An op, or a snapshot's entity kept for later, whose fields then carry their own clocks. */
export type ParkableOp = SyncOp & { clocks?: Record<string, string> }
const APPLIED: ApplyOutcome = { applied: true }

export function createOpApplier(store: Store, sync: SyncRepository, rows: SyncProjections, ingest: Ingest) {
  const resolve = (entity: SyncEntity, id: unknown) => (typeof id === 'string' ? sync.resolve(entity, id) : undefined)
  const { projectors, settleShortcuts } = createProjectors({ store, sync, rows, resolve })

  // New messages are written in runs, like a pushed batch (one summary update per conversation per
  // run, not per message); any other op, another desk's op or the end of a page writes the run first.
  let run: { origin: string; now: number; messages: ReplicatedMessage[]; ids: Set<string>; externalIds: Set<string> } | null = null
  const propertyOfConversation = new Map<string, string>()
  function writeRun(published: DomainEvent[]): void {
    if (!run) return
    const { origin, now, messages } = run
    run = null
    published.push(...store.changeLog.replicating(origin, () => ingest.applyReplicated(messages, now)))
  }
  function addToRun(origin: string, now: number, message: ReplicatedMessage, published: DomainEvent[]): void {
    if (run && run.origin !== origin) writeRun(published)
    run ??= { origin, now, messages: [], ids: new Set(), externalIds: new Set() }
    run.messages.push(message)
    run.ids.add(message.id)
    if (message.externalId) run.externalIds.add(`${message.propertyId}|${message.externalId}`)
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

  function mergeGuests(sourceId: string, targetId: string, clock: string, touched: Set<string>): ApplyOutcome {
    const [a, b] = [sync.resolve('guest', sourceId), sync.resolve('guest', targetId)]
    if (a === b) return APPLIED
    // The smaller id is kept whatever the order merges arrive in (see services/guests.ts).
    const [kept, gone] = a < b ? [a, b] : [b, a]
    if (!rows.exists('guest', kept)) return { waiting: `waits for guest ${kept}` }
    const record = sync.entityState('guest_merge', sourceId) ?? { fields: {}, clocks: {} }
    mergeFields('guest_merge', record, { sourceId, targetId }, () => clock)
    sync.saveEntityState('guest_merge', sourceId, record)
    const keptState = foldGuest(sync, gone, kept)
    rows.guest(kept, keptState.fields)
    if (rows.exists('guest', gone)) store.guests.mergeInto(gone, kept)
    for (const conversation of store.conversations.byGuest(kept)) {
      store.conversations.refreshSearchText(conversation)
      touched.add(conversation.id)
    }
    return APPLIED
  }

  /**
   * A recorded guest merge (keyed by its merge id): applied like a legacy one, and recorded with
   * what moved on this desk; once undone (on any desk), split here with this desk's own record.
   */
  function applyGuestMerge(origin: string, mergeId: string, writes: Fields, clockOf: (field: string) => string, touched: Set<string>, now: number): ApplyOutcome {
    const state = sync.entityState('guest_merge', mergeId) ?? { fields: {}, clocks: {} }
    mergeFields('guest_merge', state, writes, clockOf)
    const f = state.fields
    const local = store.guestMerges.get(mergeId)
    const sourceId = str(f.sourceId)
    const targetId = str(f.targetId)
    if (f.undone === true || local || !sourceId || !targetId) {
      sync.saveEntityState('guest_merge', mergeId, state)
      if (f.undone === true && local && local.undoneAt === null) splitGuests(local, f, touched, now)
      return APPLIED
    }
    const [a, b] = [sync.resolve('guest', sourceId), sync.resolve('guest', targetId)]
    if (a === b) {
      sync.saveEntityState('guest_merge', mergeId, state)
      // Another desk merged these two at the same time: recorded too, so the profiles split only
      // once every merge of the two is undone (as on a desk that applies them the other way round).
      const [first, second] = sourceId < targetId ? [sourceId, targetId] : [targetId, sourceId]
      const twin = store.guestMerges.otherActiveOfPair(first, second, mergeId)
      const other = twin && store.guestMerges.get(twin)
      if (other) {
        store.guestMerges.insert({
          ...other,
          id: mergeId,
          moved: { identities: [], conversations: [], reservations: [], leads: [], onsiteContacts: [] },
          mergedBy: { agentId: resolve('agent', f.mergedByAgentId) ?? null, tokenName: str(f.mergedByToken) ?? null },
          reason: str(f.reason) ?? null,
          origin,
          createdAt: now,
        })
      }
      return APPLIED
    }
    const [kept, gone] = a < b ? [a, b] : [b, a]
    const keptRow = store.guests.get(kept)
    if (!keptRow) return { waiting: `waits for guest ${kept}` }
    sync.saveEntityState('guest_merge', mergeId, state)
    const goneRow = store.guests.get(gone)
    const goneFields = goneRow ?? sync.entityState('guest', gone)?.fields ?? {}
    const moved = goneRow ? store.guestMerges.whatMoves(gone) : { identities: [], conversations: [], reservations: [], leads: [], onsiteContacts: [] }
    const keptState = foldGuest(sync, gone, kept)
    rows.guest(kept, keptState.fields)
    if (goneRow) store.guests.mergeInto(gone, kept)
    store.guestMerges.insert({
      id: mergeId,
      keptGuestId: kept,
      goneGuestId: gone,
      gone: {
        firstName: str(goneFields.firstName) ?? null,
        lastName: str(goneFields.lastName) ?? null,
        language: str(goneFields.language) ?? null,
        createdAt: Number(goneFields.createdAt ?? 0),
        updatedAt: Number(goneFields.updatedAt ?? goneFields.createdAt ?? 0),
      },
      keptBefore: { firstName: keptRow.firstName, lastName: keptRow.lastName, language: keptRow.language },
      moved,
      mergedBy: { agentId: resolve('agent', f.mergedByAgentId) ?? null, tokenName: str(f.mergedByToken) ?? null },
      reason: str(f.reason) ?? null,
      origin,
      createdAt: now,
    })
    for (const conversation of store.conversations.byGuest(kept)) {
      store.conversations.refreshSearchText(conversation)
      touched.add(conversation.id)
    }
    return APPLIED
  }

  /** Splits a merge this desk recorded: the profile merged away back as it was, with what had moved here. */
  function splitGuests(merge: GuestMerge, f: Fields, touched: Set<string>, now: number): void {
    store.guestMerges.markUndone(merge.id, now, { agentId: resolve('agent', f.undoneByAgentId) ?? null, tokenName: str(f.undoneByToken) ?? null })
    // Another merge of the same two profiles still holds them together: it takes over what moved.
    const twin = store.guestMerges.otherActiveOfPair(merge.keptGuestId, merge.goneGuestId, merge.id)
    const other = twin && store.guestMerges.get(twin)
    if (other) {
      const union = <T>(x: T[], y: T[]) => [...new Set([...x, ...y])]
      store.guestMerges.setMoved(other.id, {
        identities: union(other.moved.identities, merge.moved.identities),
        conversations: union(other.moved.conversations, merge.moved.conversations),
        reservations: union(other.moved.reservations, merge.moved.reservations),
        leads: union(other.moved.leads, merge.moved.leads),
        onsiteContacts: union(other.moved.onsiteContacts, merge.moved.onsiteContacts),
      })
      return
    }
    const split = splitGuest(sync, merge.goneGuestId, merge.keptGuestId)
    const keptNow = split.kept.id
    if (!store.guests.get(merge.goneGuestId)) store.guests.insert({ id: merge.goneGuestId, ...merge.gone })
    if (Object.keys(split.gone.fields).length) rows.guest(merge.goneGuestId, { ...merge.gone, ...split.gone.fields })
    if (Object.keys(split.kept.state.fields).length && store.guests.get(keptNow)) rows.guest(keptNow, split.kept.state.fields)
    store.guestMerges.moveBack(merge, keptNow)
    reprojectGuestRefs(store, sync, [merge.goneGuestId, keptNow])
    for (const conversation of [...store.conversations.byGuest(merge.goneGuestId), ...store.conversations.byGuest(keptNow)]) {
      store.conversations.refreshSearchText(conversation)
      touched.add(conversation.id)
    }
  }

  function applyMessage(origin: string, id: string, f: Fields, touched: Set<string>, now: number, published: DomainEvent[]): ApplyOutcome {
    const pending = run?.ids.has(id) ? run.messages.find((message) => message.id === id) : undefined
    if (pending) {
      if (typeof f.status === 'string' && deliveryMovesForward(pending.status, f.status)) pending.status = f.status
      return APPLIED
    }
    if (rows.exists('message', id)) {
      const current = rows.messageStatus(id)!
      if (typeof f.status === 'string' && f.status !== current && deliveryMovesForward(current, f.status)) {
        rows.setMessageStatus(id, f.status)
        const conversationId = store.messages.get(id)!.conversationId
        published.push({ type: 'message.updated', conversationId, propertyId: store.conversations.get(conversationId)!.propertyId, messageId: id })
      }
      return APPLIED
    }
    if (f.conversationId === undefined) return { waiting: `waits for message ${id}` }
    const conversationId = resolve('conversation', f.conversationId)!
    let propertyId = propertyOfConversation.get(conversationId)
    if (propertyId === undefined) {
      propertyId = store.conversations.get(conversationId)?.propertyId
      if (propertyId === undefined) return { waiting: `waits for conversation ${conversationId}` }
      propertyOfConversation.set(conversationId, propertyId)
    }
    const senderAgentId = resolve('agent', f.senderAgentId) ?? null
    if (senderAgentId && !rows.exists('agent', senderAgentId)) return { waiting: `waits for agent ${senderAgentId}` }
    const externalId = str(f.externalId) ?? null
    if (externalId) {
      if (run?.externalIds.has(`${propertyId}|${externalId}`)) writeRun(published)
      // One integrator message stored on two desks (an externalId is the key of one property's
      // integrator, so only the same property's message is the same message): the smaller id stays.
      const other = rows.otherMessageWithExternalId(propertyId, externalId, id)
      if (other && other.id < id) return APPLIED
      if (other) {
        rows.deleteMessage(other.id)
        rows.recount(other.conversationId)
        touched.add(other.conversationId)
      }
    }
    addToRun(
      origin,
      now,
      {
        id,
        conversationId,
        propertyId,
        externalId,
        direction: f.direction as 'in' | 'out',
        content: f.content as MessageContent,
        status: str(f.status) ?? 'delivered',
        senderAgentId,
        author: (f.author as 'bot' | null | undefined) ?? null,
        meta: (f.meta as never) ?? null,
        createdAt: Number(f.createdAt),
      },
      published,
    )
    return APPLIED
  }

  function applyOne(origin: string, entity: SyncEntity, entityId: string, fields: Fields, clockOf: (field: string) => string, touched: Set<string>, now: number, published: DomainEvent[]): ApplyOutcome {
    if (entity === 'message') return applyMessage(origin, entityId, fields, touched, now, published)
    // Anything else may read what the run holds (a conversation's summary, a message to delete).
    writeRun(published)
    propertyOfConversation.clear()
    // A contact an older desk found in a guest's words and kept as an unverified identity: here it is
    // only a suggestion (made from the conversation's insight), never an identity that links anything.
    if (entity === 'guest_identity' && fields.verified === false) return APPLIED
    // What is written to a profile is kept as its own too (an undone merge gives it back).
    if (entity === 'guest') trackOwnGuest(sync, entityId, fields, clockOf)
    if (entity === 'guest_merge') {
      if (entityId.startsWith('gmg_')) return applyGuestMerge(origin, entityId, fields, clockOf, touched, now)
      return mergeGuests(String(fields.sourceId), String(fields.targetId), clockOf('sourceId'), touched)
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
      const outcome = store.changeLog.replicating(op.clientId, () => applyOne(op.clientId, op.entity as SyncEntity, op.entityId, op.fields, clockOf, touched, now, published))
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
      run = null
      propertyOfConversation.clear()
    },

    /** Writes the messages held back for a run; call before the transaction commits. */
    finish(published: DomainEvent[]): void {
      writeRun(published)
      propertyOfConversation.clear()
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
