import { first, lacks, need, type ProjectorContext, type Projector } from './context.js'
import { conversationEventRow } from './rows.js'

export function conversationEventProjector(ctx: ProjectorContext): Projector {
  const { store, resolve } = ctx
  return {
    missing: (f) => first(lacks(f, 'type') ? 'incomplete event' : null, need(ctx, 'conversation', f.conversationId, false), need(ctx, 'agent', f.agentId)),
    project(id, state, touched) {
      const f = state.fields
      const conversationId = resolve('conversation', f.conversationId)!
      store.conversationEvents.fromSync(conversationEventRow(id, { ...f, conversationId, agentId: resolve('agent', f.agentId) ?? null }))
      touched.add(conversationId)
      return id
    },
  }
}
