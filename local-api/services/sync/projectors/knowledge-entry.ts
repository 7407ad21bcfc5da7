import { first, lacks, need, type ProjectorContext, type Projector } from './context.js'

export function knowledgeEntryProjector(ctx: ProjectorContext): Projector {
  const { rows } = ctx
  return {
    missing: (f) => (f.deleted ? null : first(lacks(f, 'question', 'answer') ? 'incomplete knowledge entry' : null, need(ctx, 'property', f.propertyId, false))),
    project(id, state) {
      if (state.fields.deleted) rows.deleteKnowledge(id)
      else rows.knowledge(id, state.fields)
      return id
    },
  }
}
