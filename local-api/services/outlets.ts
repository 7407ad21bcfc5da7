import type { Outlet } from '../db/outlets.js'
import type { Store } from '../db/store.js'
import { newId } from '../domain/ids.js'
import type { Outcome } from './problems.js'

export interface OutletInput {
  propertyId: string
  code: string
  name: string
  available?: boolean
  position?: number
}

/** Outlets (departments) guests write to from the guest app. */
export function createOutletService(store: Store, clock: () => number = Date.now) {
  return {
    create(input: OutletInput): Outcome<Outlet> {
      if (!store.properties.get(input.propertyId)) return { ok: false, problems: [{ field: 'propertyId', message: 'names no property' }] }
      if (store.outlets.byCode(input.propertyId, input.code)) return { ok: false, problems: [{ field: 'code', message: 'is already used on this property' }] }
      const outlet: Outlet = {
        id: newId('out'),
        propertyId: input.propertyId,
        code: input.code,
        name: input.name,
        available: input.available ?? true,
        position: input.position ?? store.outlets.nextPosition(input.propertyId),
        createdAt: clock(),
      }
      store.transaction(() => {
        store.outlets.insert(outlet)
        store.changeLog.append('outlet', outlet.id, 'insert', outlet, outlet.createdAt)
      })
      return { ok: true, value: outlet }
    },

    update(outlet: Outlet, changes: Partial<Pick<Outlet, 'code' | 'name' | 'available' | 'position'>>): Outcome<Outlet> {
      const next = { ...outlet, ...changes }
      const holder = store.outlets.byCode(next.propertyId, next.code)
      if (holder && holder.id !== next.id) return { ok: false, problems: [{ field: 'code', message: 'is already used on this property' }] }
      store.transaction(() => {
        store.outlets.update(next)
        store.changeLog.append('outlet', next.id, 'update', changes, clock())
      })
      return { ok: true, value: next }
    },
  }
}

export type OutletService = ReturnType<typeof createOutletService>
