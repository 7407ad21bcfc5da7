import type { Conversation, Template } from '../../api/dto.js'

/** A guest session lasts 24 h from the guest's last message. */
const WINDOW_MS = 24 * 60 * 60 * 1000

/** How long the 24 h window stays open, in ms; null when it has closed. */
export function windowLeft(conversation: Pick<Conversation, 'lastGuestMessageAt'>, now: number): number | null {
  if (!conversation.lastGuestMessageAt) return null
  const left = Date.parse(conversation.lastGuestMessageAt) + WINDOW_MS - now
  // A message stamped a moment ahead of this desk's clock still leaves at most a full window.
  return left > 0 ? Math.min(left, WINDOW_MS - 1) : null
}

/**
 * What the composer allows (the server enforces the same): WhatsApp after the window only approved
 * templates, Messenger and Instagram nothing, other channels anything with a warning.
 */
export type ComposerRule = 'open' | 'approved-templates-only' | 'closed' | 'open-with-warning'

export function composerRule(conversation: Pick<Conversation, 'channel' | 'lastGuestMessageAt'>, now: number): ComposerRule {
  if (windowLeft(conversation, now) !== null) return 'open'
  if (conversation.channel === 'whatsapp') return 'approved-templates-only'
  if (conversation.channel === 'facebook' || conversation.channel === 'instagram') return 'closed'
  return 'open-with-warning'
}

/** The templates the picker offers for this conversation under this rule. */
export function offeredTemplates(templates: readonly Template[], channel: Conversation['channel'], rule: ComposerRule): Template[] {
  if (rule === 'closed') return []
  return templates.filter(
    (template) => (template.channel === null || template.channel === channel) && (rule !== 'approved-templates-only' || template.approval === 'approved'),
  )
}
