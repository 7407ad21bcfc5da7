import type { ContactKind } from '../../../domain/identity.js'
import type { SuggestionStatus } from '../../../domain/contact-suggestions.js'
import { first, lacks, need, str, type ProjectorContext, type Projector } from './context.js'

export function contactSuggestionProjector(ctx: ProjectorContext): Projector {
  const { store, resolve } = ctx
  return {
    missing: (f) => first(lacks(f, 'kind', 'value') ? 'incomplete contact suggestion' : null, need(ctx, 'conversation', f.conversationId, false)),
    project(id, state, touched) {
      const f = state.fields
      const conversationId = resolve('conversation', f.conversationId)!
      store.contactSuggestions.fromSync({
        id,
        conversationId,
        kind: f.kind as ContactKind,
        value: String(f.value),
        foundAt: Number(f.foundAt ?? 0),
        status: (f.status as SuggestionStatus | undefined) ?? 'new',
        decidedBy: str(f.decidedBy) ?? null,
        decidedAt: typeof f.decidedAt === 'number' ? f.decidedAt : null,
      })
      touched.add(conversationId)
      return id
    },
  }
}
