// Two rows that turn out to be one thing (two desks created one agent, the conversation of one
// guest on one channel, one reservation, one lead): they merge into the smaller id, whatever the
// order their ops arrive in, the other id kept as an alias.
import type { EntityState, SyncRepository } from '../../../db/sync.js'
import { mergeFields } from '../../../../sync-core/merge.js'
import type { SyncEntity } from '../../../../sync-core/protocol.js'
import type { Fields } from './context.js'

export interface Duplicate {
  /** Writes the entity's merged fields as the row of `id`. */
  write(id: string, fields: Fields): void
  /** The row of `id` takes the place of the duplicate's (moves what refers to it; the duplicate goes). */
  takeOver(): void
}

/**
 * Settles entity `id` (its synced state `state`) against `other`, a row that is the same thing.
 * When `other` is the smaller id, this entity's fields merge into its state and row, `id` becomes
 * its alias, and `other` is returned. Else this row takes the duplicate's place, the duplicate's
 * state folds into `state` and its id becomes an alias, and `id` is returned: the caller then
 * writes `id`'s row (and saves `state`), as when there is no duplicate.
 */
export function mergeIntoSmaller(sync: SyncRepository, entity: SyncEntity, id: string, state: EntityState, other: string, duplicate: Duplicate): string {
  if (other < id) {
    const otherState = sync.entityState(entity, other) ?? { fields: {}, clocks: {} }
    mergeFields(entity, otherState, state.fields, (field) => state.clocks[field]!)
    sync.addAlias(entity, id, other)
    sync.saveEntityState(entity, other, otherState)
    duplicate.write(other, otherState.fields)
    return other
  }
  duplicate.takeOver()
  foldInto(sync, entity, other, id, state)
  return id
}

/** Folds `from`'s synced state into `to`'s (each field by its clock) and leaves `from` as an alias. */
function foldInto(sync: SyncRepository, entity: SyncEntity, from: string, to: string, toState: EntityState): void {
  const fromState = sync.entityState(entity, from)
  if (fromState) mergeFields(entity, toState, fromState.fields, (field) => fromState.clocks[field]!)
  sync.addAlias(entity, from, to)
  sync.deleteEntityState(entity, from)
}
