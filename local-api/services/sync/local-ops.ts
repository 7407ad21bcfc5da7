// This desk's changes as sync ops: each local change_log entry of a synced entity becomes one op
// in the outbox (with the clock it was made at), and is merged into the entity's synced state so
// later ops from other desks are weighed against it.
import { v7 as uuidv7 } from 'uuid'
import type { Store } from '../../db/store.js'
import type { EntityState, LocalChange, SyncRepository } from '../../db/sync.js'
import { mergeFields } from '../../domain/sync/merge.js'
import { GROUP_SPACE, isSyncEntity, spaceOf, SYNC_SCHEMA_VERSION, type SyncEntity, type SyncOp } from '../../domain/sync/protocol.js'

/** Conversation fields that are this desk's own business: never synced. */
const LOCAL_CONVERSATION_FIELDS = ['unreadCount']

interface OpBody {
  space: string
  entity: SyncEntity
  entityId: string
  fields: Record<string, unknown>
}

const pickGuest = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([key]) => ['firstName', 'lastName', 'language', 'updatedAt'].includes(key)))

/** Folds guest `gone`'s synced state into `kept`'s and leaves `gone` as an alias of it. */
export function foldGuest(sync: SyncRepository, gone: string, kept: string): EntityState {
  const keptState = sync.entityState('guest', kept) ?? { fields: {}, clocks: {} }
  const goneState = sync.entityState('guest', gone)
  if (goneState) mergeFields('guest', keptState, goneState.fields, (field) => goneState.clocks[field]!)
  sync.saveEntityState('guest', kept, keptState)
  sync.deleteEntityState('guest', gone)
  sync.addAlias('guest', gone, kept)
  return keptState
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
        // Undone: the profile merged away is its own again; ops for it (the undo's next) land on it.
        if (record) sync.removeAlias('guest', record.goneGuestId)
      } else if (body.fields.sourceId !== undefined) {
        // The profile merged away folds its synced state into the kept one; later ops for it land there.
        const [a, b] = [sync.resolve('guest', String(body.fields.sourceId)), sync.resolve('guest', String(body.fields.targetId))]
        if (a !== b) {
          const kept = a < b ? a : b
          const state = foldGuest(sync, a < b ? b : a, kept)
          // The kept profile shows the folded fields, as it will on every other desk (unless the
          // merge is undone here already: the undo's own changes then say what it shows).
          const guest = store.guests.get(kept)
          if (guest && !record?.undoneAt) store.guests.update({ ...guest, ...pickGuest(state.fields) })
        }
      }
    }
    if (body.entity !== 'message') {
      const key = sync.resolve(body.entity, body.entityId)
      const state = sync.entityState(body.entity, key) ?? { fields: {}, clocks: {} }
      mergeFields(body.entity, state, body.fields, () => hlc)
      sync.saveEntityState(body.entity, key, state)
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
