// A guest identity, keyed `kind:value`: its row made if new, its profile link and verification set.
import { need, type ProjectorContext, type Projector } from './context.js'

export function guestIdentityProjector(ctx: ProjectorContext): Projector {
  const { rows, resolve } = ctx
  return {
    missing: (f) => need(ctx, 'guest', f.guestId),
    project(id, state) {
      const f = state.fields
      const [kind, ...rest] = id.split(':')
      rows.identity(kind!, rest.join(':'), f.guestId === undefined ? undefined : (resolve('guest', f.guestId) ?? null), f.verified as boolean | undefined, Number(f.createdAt ?? 0))
      return id
    },
  }
}
