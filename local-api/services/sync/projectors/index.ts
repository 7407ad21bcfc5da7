// One projector per synced entity whose merged state is written as its row (messages and guest
// merges have projectors of their own shape: projectors/message.ts, projectors/guest-merge.ts).
import { agentProjector } from './agent.js'
import { contactSuggestionProjector } from './contact-suggestion.js'
import type { SyncEntity } from '../../../../sync-core/protocol.js'
import type { ProjectorContext, Projector } from './context.js'
import { conversationEventProjector } from './conversation-event.js'
import { conversationProjector } from './conversation.js'
import { guestIdentityProjector } from './guest-identity.js'
import { guestProjector } from './guest.js'
import { knowledgeEntryProjector } from './knowledge-entry.js'
import { leadProjector } from './lead.js'
import { propertyProjector } from './property.js'
import { reservationProjector } from './reservation.js'
import { templateProjector } from './template.js'

export { str, type Fields, type Projector, type ProjectorContext } from './context.js'

/** The entities written through a projector. */
export type ProjectedEntity = Exclude<SyncEntity, 'message' | 'guest_merge'>

export function createProjectors(ctx: ProjectorContext) {
  const template = templateProjector(ctx)
  const projectors: Record<ProjectedEntity, Projector> = {
    property: propertyProjector(ctx),
    agent: agentProjector(ctx),
    guest: guestProjector(ctx),
    guest_identity: guestIdentityProjector(ctx),
    conversation: conversationProjector(ctx),
    reservation: reservationProjector(ctx),
    template,
    knowledge_entry: knowledgeEntryProjector(ctx),
    lead: leadProjector(ctx),
    conversation_event: conversationEventProjector(ctx),
    contact_suggestion: contactSuggestionProjector(ctx),
  }
  return { projectors, settleShortcuts: template.settleShortcuts }
}
