// A reservation: one per property and confirmation number; two desks that made one merge into the smaller id.
import { first, lacks, need, type Fields, type ProjectorContext, type Projector } from './context.js'
import { mergeIntoSmaller } from './merge-into-smaller.js'
import { reservationRow } from './rows.js'

export function reservationProjector(ctx: ProjectorContext): Projector {
  const { store, sync, resolve, sameGuest } = ctx
  const withRefs = (fields: Fields) => ({ ...fields, guestId: resolve('guest', fields.guestId) })
  return {
    missing: (f) =>
      first(
        lacks(f, 'confirmationNumber', 'arrival', 'departure') ? 'incomplete reservation' : null,
        need(ctx, 'property', f.propertyId, false),
        need(ctx, 'guest', f.guestId, false),
      ),
    project(id, state) {
      const f = state.fields
      const holder = store.reservations.byConfirmation(String(f.propertyId), String(f.confirmationNumber))
      // Two desks that took one booking for two profiles: they are one guest (as on one desk, where
      // a reservation keeps its profile).
      const guestId = resolve('guest', f.guestId)
      if (holder && guestId && holder.guestId !== guestId) sameGuest(holder.guestId, guestId)
      const other = holder && holder.id !== id ? holder.id : undefined
      if (other) {
        const kept = mergeIntoSmaller(sync, 'reservation', id, state, other, {
          write: (reservationId, fields) => store.reservations.fromSync(reservationRow(reservationId, withRefs(fields))),
          takeOver() {
            // Under a stand-in number until the other row, which holds it, is gone.
            store.reservations.fromSync(reservationRow(id, withRefs({ ...f, confirmationNumber: `${String(f.confirmationNumber)}#${id}` })))
            store.reservations.mergeInto(other, id)
          },
        })
        if (kept !== id) return kept
      }
      store.reservations.fromSync(reservationRow(id, withRefs(state.fields)))
      return id
    },
  }
}
