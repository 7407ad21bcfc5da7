// A reservation: one per property and confirmation number; two desks that made one merge into the smaller id.
import { first, lacks, need, type Fields, type ProjectorContext, type Projector } from './context.js'
import { mergeIntoSmaller } from './merge-into-smaller.js'
import { reservationRow } from './rows.js'

export function reservationProjector(ctx: ProjectorContext): Projector {
  const { store, sync, resolve } = ctx
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
