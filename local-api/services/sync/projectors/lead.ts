// A lead: one per conversation; two desks that captured one merge into the smaller id.
import { first, need, type Fields, type ProjectorContext, type Projector } from './context.js'
import { mergeIntoSmaller } from './merge-into-smaller.js'
import { leadRow } from './rows.js'

export function leadProjector(ctx: ProjectorContext): Projector {
  const { store, sync, resolve } = ctx
  const withRefs = (fields: Fields) => ({
    ...fields,
    conversationId: resolve('conversation', fields.conversationId),
    guestId: resolve('guest', fields.guestId) ?? null,
    reservationId: resolve('reservation', fields.reservationId) ?? null,
    createdByAgentId: resolve('agent', fields.createdByAgentId) ?? null,
  })
  return {
    missing: (f) =>
      first(
        need(ctx, 'conversation', f.conversationId, false),
        need(ctx, 'guest', f.guestId),
        need(ctx, 'reservation', f.reservationId),
        need(ctx, 'agent', f.createdByAgentId),
      ),
    project(id, state, touched) {
      const conversationId = resolve('conversation', state.fields.conversationId)!
      const holder = store.leads.byConversation(conversationId)
      const other = holder && holder.id !== id ? holder.id : undefined
      touched.add(conversationId)
      if (other) {
        const kept = mergeIntoSmaller(sync, 'lead', id, state, other, {
          write: (leadId, fields) => store.leads.fromSync(leadRow(leadId, withRefs(fields))),
          takeOver: () => store.leads.remove(other),
        })
        if (kept !== id) return kept
      }
      store.leads.fromSync(leadRow(id, withRefs(state.fields)))
      return id
    },
  }
}
