// A guest merge: two profiles made one (the smaller id kept), recorded with what moved on this
// desk; once undone on any desk, split here with this desk's own record. A merge op without a
// merge id (gmg_…) comes from a desk of an older version: applied, not recorded.
import type { GuestMerge } from '../../../db/guest-merges.js'
import { mergeFields } from '../../../../sync-core/merge.js'
import { foldGuest, reprojectGuestRefs, splitGuest } from '../local-ops.js'
import { APPLIED, str, type ApplyOutcome, type Fields, type ProjectorContext } from './context.js'
import { guestRow } from './rows.js'

export function guestMergeProjector({ store, sync, resolve }: ProjectorContext) {
  function applyLegacy(sourceId: string, targetId: string, clock: string, touched: Set<string>): ApplyOutcome {
    const [a, b] = [sync.resolve('guest', sourceId), sync.resolve('guest', targetId)]
    if (a === b) return APPLIED
    // The smaller id is kept whatever the order merges arrive in (see services/guests.ts).
    const [kept, gone] = a < b ? [a, b] : [b, a]
    if (!sync.rowExists('guest', kept)) return { waiting: `waits for guest ${kept}` }
    const record = sync.entityState('guest_merge', sourceId) ?? { fields: {}, clocks: {} }
    mergeFields('guest_merge', record, { sourceId, targetId }, () => clock)
    sync.saveEntityState('guest_merge', sourceId, record)
    const keptState = foldGuest(sync, gone, kept)
    store.guests.fromSync(guestRow(kept, keptState.fields))
    if (sync.rowExists('guest', gone)) store.guests.mergeInto(gone, kept)
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
  function apply(origin: string, mergeId: string, writes: Fields, clockOf: (field: string) => string, touched: Set<string>, now: number): ApplyOutcome {
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
    store.guests.fromSync(guestRow(kept, keptState.fields))
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
    if (Object.keys(split.gone.fields).length) store.guests.fromSync(guestRow(merge.goneGuestId, { ...merge.gone, ...split.gone.fields }))
    if (Object.keys(split.kept.state.fields).length && store.guests.get(keptNow)) store.guests.fromSync(guestRow(keptNow, split.kept.state.fields))
    store.guestMerges.moveBack(merge, keptNow)
    reprojectGuestRefs(store, sync, [merge.goneGuestId, keptNow])
    for (const conversation of [...store.conversations.byGuest(merge.goneGuestId), ...store.conversations.byGuest(keptNow)]) {
      store.conversations.refreshSearchText(conversation)
      touched.add(conversation.id)
    }
  }

  return { apply, applyLegacy }
}
