// A conversation: one per property, channel and guest identity; two desks that started the
// guest's conversation on one channel merge into the smaller id, messages and all.
import { guestSearchText } from '../../../db/conversations.js'
import { suggestFromInsight } from '../../contact-suggestions.js'
import { first, lacks, need, type Fields, type ProjectorContext, type Projector } from './context.js'
import { mergeIntoSmaller } from './merge-into-smaller.js'

export function conversationProjector(ctx: ProjectorContext): Projector {
  const { store, sync, rows, resolve } = ctx
  const withRefs = (fields: Fields) => ({ ...fields, guestId: resolve('guest', fields.guestId) ?? null, assignedAgentId: resolve('agent', fields.assignedAgentId) ?? null })
  return {
    missing: (f) =>
      first(lacks(f, 'channel', 'createdAt') ? 'incomplete conversation' : null, need(ctx, 'property', f.propertyId, false), need(ctx, 'guest', f.guestId), need(ctx, 'agent', f.assignedAgentId)),
    project(id, state, touched) {
      const f = state.fields
      const identity = f.identity as { kind: string; value: string } | undefined
      const identityRowid = identity ? rows.identity(identity.kind, identity.value, undefined, undefined, Number(f.createdAt)) : null
      const resolved = withRefs(f)
      const other = identityRowid === null ? undefined : rows.conversationByKey(String(f.propertyId), String(f.channel), identityRowid)
      if (other && other !== id) {
        touched.add(other)
        const kept = mergeIntoSmaller(sync, 'conversation', id, state, other, {
          write: (conversationId, fields) => rows.updateConversation(conversationId, withRefs(fields)),
          takeOver() {
            // This one takes the other's place, messages and all.
            rows.insertConversation(`${id}`, { ...resolved, identity: undefined }, null, '')
            store.contactSuggestions.moveConversation(other, id)
            rows.mergeConversation(other, id)
          },
        })
        if (kept !== id) return kept
        rows.setConversationIdentity(id, identityRowid!)
        const merged = store.conversations.get(id)
        if (merged) store.conversations.refreshSearchText(merged)
      } else if (!rows.exists('conversation', id)) {
        const guest = resolved.guestId ? store.guests.get(String(resolved.guestId)) : undefined
        const guestName = guest ? [guest.firstName, guest.lastName].filter(Boolean).join(' ') || null : null
        rows.insertConversation(id, resolved, identityRowid, guestSearchText(guestName, identity ? { kind: identity.kind as never, value: identity.value } : null))
      }
      rows.updateConversation(id, withRefs(state.fields))
      // Contacts the guest wrote are suggestions here too (a desk of an older version sends no suggestion ops).
      suggestFromInsight(store, id)
      touched.add(id)
      return id
    },
  }
}
