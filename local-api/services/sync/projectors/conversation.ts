// A conversation: one per property, channel and guest identity; two desks that started the
// guest's conversation on one channel merge into the smaller id, messages and all.
import type { Channel } from '../../../domain/channels.js'
import type { IdentityKind } from '../../../domain/identity.js'
import { suggestFromInsight } from '../../contact-suggestions.js'
import { first, lacks, need, type Fields, type ProjectorContext, type Projector } from './context.js'
import { mergeIntoSmaller } from './merge-into-smaller.js'
import { conversationFields, newConversation } from './rows.js'

export function conversationProjector(ctx: ProjectorContext): Projector {
  const { store, sync, resolve } = ctx
  const withRefs = (fields: Fields) => ({
    ...fields,
    guestId: resolve('guest', fields.guestId) ?? null,
    assignedAgentId: resolve('agent', fields.assignedAgentId) ?? null,
  })
  return {
    missing: (f) =>
      first(
        lacks(f, 'channel', 'createdAt') ? 'incomplete conversation' : null,
        need(ctx, 'property', f.propertyId, false),
        need(ctx, 'guest', f.guestId),
        need(ctx, 'agent', f.assignedAgentId),
      ),
    project(id, state, touched) {
      const f = state.fields
      const identity = f.identity as { kind: IdentityKind; value: string } | undefined
      const identityRowid = identity ? store.guests.identityFromSync(identity.kind, identity.value, {}, Number(f.createdAt)) : null
      const resolved = withRefs(f)
      const other = identityRowid === null ? undefined : store.conversations.findByIdentity(String(f.propertyId), f.channel as Channel, identityRowid)?.id
      if (other && other !== id) {
        touched.add(other)
        const kept = mergeIntoSmaller(sync, 'conversation', id, state, other, {
          write: (conversationId, fields) => store.conversations.fromSync(conversationId, conversationFields(withRefs(fields))),
          takeOver() {
            // This one takes the other's place, messages and all.
            store.conversations.insert(newConversation(id, resolved, null), { name: null, identity: null })
            store.contactSuggestions.moveConversation(other, id)
            store.conversations.mergeInto(other, id)
          },
        })
        if (kept !== id) return kept
        store.conversations.setIdentity(id, identityRowid!)
        const merged = store.conversations.get(id)
        if (merged) store.conversations.refreshSearchText(merged)
      } else if (!sync.rowExists('conversation', id)) {
        const guest = resolved.guestId ? store.guests.get(String(resolved.guestId)) : undefined
        const guestName = guest ? [guest.firstName, guest.lastName].filter(Boolean).join(' ') || null : null
        store.conversations.insert(newConversation(id, resolved, identityRowid), { name: guestName, identity: identity ?? null })
      }
      store.conversations.fromSync(id, conversationFields(withRefs(state.fields)))
      // Contacts the guest wrote are suggestions here too (a desk of an older version sends no suggestion ops).
      suggestFromInsight(store, id)
      touched.add(id)
      return id
    },
  }
}
