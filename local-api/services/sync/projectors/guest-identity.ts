// A guest identity, keyed `kind:value`: its row made if new, its profile link and verification set.
// A verified contact another desk gave to another profile makes the two profiles one guest.
import type { IdentityKind } from '../../../domain/identity.js'
import { need, type ProjectorContext, type Projector } from './context.js'

export function guestIdentityProjector(ctx: ProjectorContext): Projector {
  const { store, resolve, sameGuest } = ctx
  return {
    missing: (f) => need(ctx, 'guest', f.guestId),
    project(id, state) {
      const f = state.fields
      const [kind, ...rest] = id.split(':')
      const guestId = f.guestId === undefined ? undefined : (resolve('guest', f.guestId) ?? null)
      // Two desks gave this verified contact to two profiles: they are one guest (linking merges them).
      const before = store.guests.findIdentity(kind as IdentityKind, rest.join(':'))?.guestId
      if (before && guestId && f.verified !== false && resolve('guest', before) !== guestId) sameGuest(before, guestId)
      store.guests.identityFromSync(kind as IdentityKind, rest.join(':'), { guestId, verified: f.verified as boolean | undefined }, Number(f.createdAt ?? 0))
      // Conversations are found by every contact of their guest's profile.
      for (const profile of new Set([before, guestId])) {
        if (profile) for (const conversation of store.conversations.byGuest(profile)) store.conversations.refreshSearchText(conversation)
      }
      return id
    },
  }
}
