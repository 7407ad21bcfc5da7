// A guest identity, keyed `kind:value`: its row made if new, its profile link and verification set.
import type { IdentityKind } from '../../../domain/identity.js'
import { need, type ProjectorContext, type Projector } from './context.js'

export function guestIdentityProjector(ctx: ProjectorContext): Projector {
  const { store, resolve } = ctx
  return {
    missing: (f) => need(ctx, 'guest', f.guestId),
    project(id, state) {
      const f = state.fields
      const [kind, ...rest] = id.split(':')
      const guestId = f.guestId === undefined ? undefined : (resolve('guest', f.guestId) ?? null)
      store.guests.identityFromSync(kind as IdentityKind, rest.join(':'), { guestId, verified: f.verified as boolean | undefined }, Number(f.createdAt ?? 0))
      return id
    },
  }
}
