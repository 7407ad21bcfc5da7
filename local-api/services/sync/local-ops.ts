// This desk's changes as sync ops: each local change_log entry of a synced entity becomes one op
// in the outbox (with the clock it was made at), and is merged into the entity's synced state so
// later ops from other desks are weighed against it.
import { v7 as uuidv7 } from 'uuid'
import type { Store } from '../../db/store.js'
import type { EntityState, LocalChange, SyncRepository } from '../../db/sync.js'
import { mergeFields } from '../../../sync-core/merge.js'
import { GROUP_SPACE, isSyncEntity, spaceOf, SYNC_SCHEMA_VERSION, type SyncEntity, type SyncOp } from '../../../sync-core/protocol.js'

/** Conversation fields that are this desk's own business: never synced. */
const LOCAL_CONVERSATION_FIELDS = ['unreadCount']

interface OpBody {
  space: string
  entity: SyncEntity
  entityId: string
  fields: Record<string, unknown>
}

const PROFILE_KEYS = ['firstName', 'lastName', 'language', 'updatedAt'] as const
const pickGuest = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([key]) => ['firstName', 'lastName', 'language', 'updatedAt'].includes(key)))

/**
 * Every write addressed to a guest profile, kept under its own id whatever merges say (entity
 * `guest_own`): an undone merge gives each profile back what was written to it, the same on every
 * desk whatever order the writes, the merge and its undo arrived in.
 */
const OWN = 'guest_own'
const copy = (state: EntityState): EntityState => ({ fields: { ...state.fields }, clocks: { ...state.clocks } })

export function trackOwnGuest(sync: SyncRepository, guestId: string, writes: Record<string, unknown>, clockOf: (field: string) => string): void {
  // A profile written before this was kept starts from what it holds (unless merged into another).
  const current = sync.resolve('guest', guestId) === guestId ? sync.entityState('guest', guestId) : undefined
  const own = sync.entityState(OWN, guestId) ?? (current ? copy(current) : { fields: {}, clocks: {} })
  if (Object.keys(mergeFields('guest', own, writes, clockOf)).length) sync.saveEntityState(OWN, guestId, own)
}

/** Folds guest `gone`'s synced state into `kept`'s and leaves `gone` as an alias of it. */
export function foldGuest(sync: SyncRepository, gone: string, kept: string): EntityState {
  const keptState = sync.entityState('guest', kept) ?? { fields: {}, clocks: {} }
  const goneState = sync.entityState('guest', gone)
  // Profiles written before writes were kept per profile: what they hold now is their own.
  if (goneState && !sync.entityState(OWN, gone)) sync.saveEntityState(OWN, gone, goneState)
  if (sync.entityState('guest', kept) && !sync.entityState(OWN, kept) && sync.aliasesOf('guest', kept).length === 0) sync.saveEntityState(OWN, kept, keptState)
  if (goneState) mergeFields('guest', keptState, goneState.fields, (field) => goneState.clocks[field]!)
  sync.saveEntityState('guest', kept, keptState)
  sync.deleteEntityState('guest', gone)
  sync.addAlias('guest', gone, kept)
  return keptState
}

/**
 * Undoes a fold: `gone` is its own profile again with what was written to it, and the profile
 * `kept` resolves to now is recomputed from what was written to it and to each profile still
 * merged into it. Returns both states (empty fields: nothing written to it is known here).
 */
export function splitGuest(sync: SyncRepository, gone: string, kept: string): { gone: EntityState; kept: { id: string; state: EntityState } } {
  sync.removeAlias('guest', gone)
  const goneState = copy(sync.entityState(OWN, gone) ?? { fields: {}, clocks: {} })
  if (Object.keys(goneState.fields).length) sync.saveEntityState('guest', gone, goneState)
  const keptNow = sync.resolve('guest', kept)
  const keptOwn = sync.entityState(OWN, keptNow)
  // Nothing kept of its own (merged before writes were kept per profile): it stays as it is.
  if (!keptOwn) return { gone: goneState, kept: { id: keptNow, state: sync.entityState('guest', keptNow) ?? { fields: {}, clocks: {} } } }
  const keptState = copy(keptOwn)
  for (const merged of sync.aliasesOf('guest', keptNow)) {
    const own = sync.entityState(OWN, merged)
    if (own) mergeFields('guest', keptState, own.fields, (field) => own.clocks[field]!)
  }
  if (Object.keys(keptState.fields).length) sync.saveEntityState('guest', keptNow, keptState)
  return { gone: goneState, kept: { id: keptNow, state: keptState } }
}

/**
 * After a split: each identity, conversation, reservation and lead on either profile names the
 * profile its synced state says (through the aliases left), as on every other desk; a row whose
 * state names no profile stays where the merge record put it back.
 */
export function reprojectGuestRefs(store: Store, sync: SyncRepository, guestIds: string[]): void {
  const target = (entity: SyncEntity, key: string) => {
    const guestId = sync.entityState(entity, sync.resolve(entity, key))?.fields.guestId
    if (typeof guestId !== 'string' || !guestId) return undefined
    const resolved = sync.resolve('guest', guestId)
    return store.guests.get(resolved) ? resolved : undefined
  }
  for (const guestId of guestIds) {
    const refs = store.guestMerges.referencesTo(guestId)
    for (const { rowid, kind, value } of refs.identities) {
      const to = target('guest_identity', `${kind}:${value}`)
      if (to && to !== guestId) store.guestMerges.setGuestOf('identities', rowid, to)
    }
    for (const [table, entity] of [
      ['conversations', 'conversation'],
      ['reservations', 'reservation'],
      ['leads', 'lead'],
    ] as const) {
      for (const id of refs[table]) {
        const to = target(entity, id)
        if (to && to !== guestId) store.guestMerges.setGuestOf(table, id, to)
      }
    }
  }
}

/** `settleShortcuts`: re-derives a property's template shortcuts once a local template change is in the synced state. */
export function createLocalOps(store: Store, sync: SyncRepository, settleShortcuts: (propertyId: string) => void = () => {}) {
  const propertyOfConversation = (conversationId: string): string | undefined =>
    store.conversations.get(sync.resolve('conversation', conversationId))?.propertyId ??
    (sync.entityState('conversation', conversationId)?.fields.propertyId as string | undefined)

  const propertyFromState = (entity: SyncEntity, entityId: string) => sync.entityState(entity, entityId)?.fields.propertyId as string | undefined

  /** The op a local change makes, or null when it is not synced (local-only entities, derived summaries). */
  function bodyOf(change: LocalChange): OpBody | null {
    if (!isSyncEntity(change.entity)) return null
    const entity = change.entity
    const id = change.entityId
    const fields = { ...(change.fields ?? {}) }
    const body = (space: string | undefined, values: Record<string, unknown>): OpBody | null => (space ? { space, entity, entityId: id, fields: values } : null)

    switch (entity) {
      case 'message': {
        if (change.op === 'update') {
          const message = store.messages.get(id)
          return body(message && propertyOfConversation(message.conversationId), fields)
        }
        const message = store.messages.get(id)
        if (!message) return null
        return body(propertyOfConversation(message.conversationId), {
          conversationId: message.conversationId,
          externalId: message.externalId,
          direction: message.direction,
          content: message.content,
          status: message.status,
          senderAgentId: message.senderAgent?.id ?? null,
          author: message.author,
          meta: message.meta,
          ...(message.internal ? { internal: true, mentions: message.mentions } : {}),
          createdAt: message.createdAt,
        })
      }
      case 'conversation': {
        if (change.fields === null) return null // the summary: every desk derives it from the messages
        for (const field of LOCAL_CONVERSATION_FIELDS) delete fields[field]
        if (Object.keys(fields).length === 0) return null
        return body((fields.propertyId as string | undefined) ?? propertyOfConversation(id), fields)
      }
      case 'agent':
        return body(GROUP_SPACE, { ...fields, passwordHash: store.agents.passwordHashOf(id) ?? null })
      case 'conversation_event': {
        delete fields.agentName
        return body(propertyOfConversation(fields.conversationId as string), fields)
      }
      case 'lead': {
        const conversationId = (fields.conversationId as string | undefined) ?? store.leads.get(id)?.conversationId
        return body(conversationId && propertyOfConversation(conversationId), fields)
      }
      case 'contact_suggestion': {
        const conversationId = (fields.conversationId as string | undefined) ?? store.contactSuggestions.get(id)?.conversationId
        return body(conversationId && propertyOfConversation(conversationId), fields)
      }
      case 'property':
        return body(id, fields)
      case 'template':
        return body((fields.propertyId as string | undefined) ?? store.templates.get(id)?.propertyId ?? propertyFromState(entity, id), fields)
      case 'knowledge_entry':
        return body((fields.propertyId as string | undefined) ?? store.knowledge.get(id)?.propertyId ?? propertyFromState(entity, id), fields)
      case 'reservation':
        return body((fields.propertyId as string | undefined) ?? propertyFromState(entity, id), fields)
      default:
        return body(spaceOf(entity, ''), fields)
    }
  }

  function enqueue(body: OpBody, hlc: string): void {
    const config = sync.config()
    const op: SyncOp = {
      opId: uuidv7(),
      clientId: config.clientId,
      clientSeq: config.nextClientSeq,
      hlc,
      space: body.space,
      entity: body.entity,
      entityId: body.entityId,
      fields: body.fields,
      schemaVersion: SYNC_SCHEMA_VERSION,
    }
    sync.enqueue(op)
    sync.updateConfig({ nextClientSeq: config.nextClientSeq + 1 })
    if (body.entity === 'guest_merge') {
      // A merge recorded here (merges before records existed are keyed by their source profile).
      const record = store.guestMerges.get(body.entityId)
      if (body.fields.undone === true) {
        // Undone: the profile merged away is its own again (ops for it land on it), both profiles
        // show what was written to each, as they will on every other desk. (An undo here undid every
        // merge of the two in force then: the split is always due.)
        if (record) {
          const split = splitGuest(sync, record.goneGuestId, record.keptGuestId)
          for (const [id, state] of [
            [record.goneGuestId, split.gone],
            [split.kept.id, split.kept.state],
          ] as const) {
            const guest = store.guests.get(id)
            if (guest && Object.keys(state.fields).length) store.guests.update({ ...guest, ...pickGuest(state.fields) })
          }
          if (store.guests.get(record.goneGuestId)) {
            reprojectGuestRefs(store, sync, [record.goneGuestId, split.kept.id])
            for (const id of [record.goneGuestId, split.kept.id])
              for (const conversation of store.conversations.byGuest(id)) store.conversations.refreshSearchText(conversation)
          }
        }
      } else if (body.fields.sourceId !== undefined) {
        // The profile merged away folds its synced state into the kept one; later ops for it land there.
        const [a, b] = [sync.resolve('guest', String(body.fields.sourceId)), sync.resolve('guest', String(body.fields.targetId))]
        if (a !== b) {
          const kept = a < b ? a : b
          const state = foldGuest(sync, a < b ? b : a, kept)
          // The kept profile shows the folded fields, as it will on every other desk (if the merge
          // is undone here already, the undo's turn shows each profile's own again).
          const guest = store.guests.get(kept)
          if (guest) store.guests.update({ ...guest, ...pickGuest(state.fields) })
        }
      }
    }
    if (body.entity === 'guest') trackOwnGuest(sync, body.entityId, body.fields, () => hlc)
    if (body.entity !== 'message') {
      const key = sync.resolve(body.entity, body.entityId)
      const state = sync.entityState(body.entity, key) ?? { fields: {}, clocks: {} }
      mergeFields(body.entity, state, body.fields, () => hlc)
      sync.saveEntityState(body.entity, key, state)
      if (body.entity === 'guest') {
        // The profile shows its synced fields, as on every other desk (a merge materialized before
        // this change may have shown the folded ones; another desk's later write wins here too).
        const guest = store.guests.get(key)
        const synced = guest && { ...guest, ...pickGuest(state.fields) }
        if (synced && PROFILE_KEYS.some((field) => synced[field] !== guest[field])) store.guests.update(synced)
      }
      // A template deleted or renamed here may free a shortcut another template had to share.
      if (body.entity === 'template') settleShortcuts(body.space)
    }
  }

  return {
    /**
     * Turns the local changes not yet seen into outbox ops; call inside a transaction (the outbox,
     * the states and the mark move together). Returns how many changes it read.
     */
    materialize(limit = 5000): number {
      const changes = sync.localChangesAfter(sync.config().materializedThrough, limit)
      for (const change of changes) {
        const body = bodyOf(change)
        if (body) enqueue(body, change.hlc)
      }
      // Fewer than asked: no local change lies beyond, so the others' changes up to the log's end are
      // passed over for good (else every call would scan them again: quadratic on a filling desk).
      const through = changes.length === limit ? changes.at(-1)!.seq : sync.lastChangeSeq()
      if (through > sync.config().materializedThrough) sync.updateConfig({ materializedThrough: through })
      return changes.length
    },
  }
}

export type LocalOps = ReturnType<typeof createLocalOps>
