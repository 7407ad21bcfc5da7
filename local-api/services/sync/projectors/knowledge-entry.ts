import { first, lacks, need, type ProjectorContext, type Projector } from './context.js'
import { knowledgeEntryRow } from './rows.js'

export function knowledgeEntryProjector(ctx: ProjectorContext): Projector {
  const { store } = ctx
  return {
    missing: (f) =>
      f.deleted ? null : first(lacks(f, 'question', 'answer') ? 'incomplete knowledge entry' : null, need(ctx, 'property', f.propertyId, false)),
    project(id, state) {
      if (state.fields.deleted) store.knowledge.remove(id)
      else store.knowledge.fromSync(knowledgeEntryRow(id, state.fields))
      return id
    },
  }
}
