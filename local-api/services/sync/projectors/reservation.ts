// A reservation: one per property and confirmation number; two desks that made one merge into the smaller id.
import { first, lacks, need, type Fields, type ProjectorContext, type Projector } from './context.js'
import { mergeIntoSmaller } from './merge-into-smaller.js'

export function reservationProjector(ctx: ProjectorContext): Projector {
  const { sync, rows, resolve } = ctx
  const withRefs = (fields: Fields) => ({ ...fields, guestId: resolve('guest', fields.guestId) })
  return {
    missing: (f) =>
      first(lacks(f, 'confirmationNumber', 'arrival', 'departure') ? 'incomplete reservation' : null, need(ctx, 'property', f.propertyId, false), need(ctx, 'guest', f.guestId, false)),
    project(id, state) {
      const f = state.fields
      const other = rows.otherReservationWithNumber(String(f.propertyId), String(f.confirmationNumber), id)
      if (other) {
        const kept = mergeIntoSmaller(sync, 'reservation', id, state, other, {
          write: (reservationId, fields) => rows.reservation(reservationId, withRefs(fields)),
          takeOver() {
            // Under a stand-in number until the other row, which holds it, is gone.
            rows.reservation(id, withRefs({ ...f, confirmationNumber: `${String(f.confirmationNumber)}#${id}` }))
            rows.mergeReservation(other, id)
          },
        })
        if (kept !== id) return kept
      }
      rows.reservation(id, withRefs(state.fields))
      return id
    },
  }
}
