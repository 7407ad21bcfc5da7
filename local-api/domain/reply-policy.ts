import type { ReplyReason } from '../../api-contract/conversations.js'
import { conversationStatus, SESSION_WINDOW_MS } from './session-window.js'

/**
 * Why staff (or the AI agent) may reply as they may. Inside the 24 h customer-service window after
 * the guest's last message anything goes. After it: WhatsApp takes only approved templates,
 * Messenger and Instagram nothing until the guest writes again, and elsewhere the window is a
 * courtesy (replies go, staff are warned the guest may not expect one). A phone-call transcript
 * has no reply channel at all: staff call the guest back. (The API contract names the reasons.)
 */
export { REPLY_REASONS, type ReplyReason } from '../../api-contract/conversations.js'

/** What may be sent: anything, only approved templates, or nothing. */
export interface ReplyRule {
  canReply: boolean
  templatesOnly: boolean
  reason: ReplyReason
}

/** The rule in force now, when the window ends (ms; null: it is closed), and the rule after that. */
export interface ReplyPolicy extends ReplyRule {
  windowEndsAt: number | null
  afterWindow: ReplyRule
}

/** Channels whose conversations are records of something else (a phone call): nothing can be sent back on them. */
export function hasReplyChannel(channel: string): boolean {
  return channel !== 'phone'
}

const rule = (reason: ReplyReason): ReplyRule => ({
  canReply: reason !== 'window-closed' && reason !== 'no-reply-channel',
  templatesOnly: reason === 'window-closed-templates-only',
  reason,
})

function ruleOutsideWindow(channel: string): ReplyRule {
  if (!hasReplyChannel(channel)) return rule('no-reply-channel')
  if (channel === 'whatsapp') return rule('window-closed-templates-only')
  if (channel === 'facebook' || channel === 'instagram') return rule('window-closed')
  return rule('window-closed-with-warning')
}

/**
 * The reply policy of a conversation at `now`. The window ends 24 h after the guest's last message,
 * and never more than 24 h from now: a message stamped ahead of this desk's clock opens no longer one.
 */
export function replyPolicy(conversation: { channel: string; lastGuestMessageAt: number | null }, now: number): ReplyPolicy {
  const afterWindow = ruleOutsideWindow(conversation.channel)
  const { lastGuestMessageAt } = conversation
  if (lastGuestMessageAt === null || conversationStatus(lastGuestMessageAt, now) === 'expired') return { ...afterWindow, windowEndsAt: null, afterWindow }
  const inside = hasReplyChannel(conversation.channel) ? rule('window-open') : afterWindow
  return { ...inside, windowEndsAt: Math.min(lastGuestMessageAt, now) + SESSION_WINDOW_MS, afterWindow }
}

/** A reply: free content (text, media…) or a template, with WhatsApp's approval of it. */
export type ReplyKind = { template: null } | { template: { approval: string | null } }

export interface ReplyRefusal {
  reason: ReplyReason
  message: string
}

/** Why this reply may not be sent on this conversation under its rule, or null when it may. */
export function replyRefusal(rule: ReplyRule, channel: string, reply: ReplyKind): ReplyRefusal | null {
  const refuse = (message: string): ReplyRefusal => ({ reason: rule.reason, message })
  if (rule.reason === 'no-reply-channel') return refuse('a phone-call transcript has no reply channel; call the guest back instead')
  const windowClosed = `the 24 h window of this ${channel} conversation has closed: the guest must write first`
  if (!rule.canReply) return refuse(windowClosed)
  if (rule.templatesOnly) {
    if (reply.template === null) return refuse(windowClosed)
    if (reply.template.approval !== 'approved') return refuse('the WhatsApp 24 h window has closed: only approved templates may be sent')
  }
  return null
}

/** Why a stored reply cannot reach the guest, when it cannot. */
export type NotDeliverable = 'phone-call transcript' | 'no channel webhook'

export function notDeliverableReason(channel: string, hasWebhook: boolean): NotDeliverable | undefined {
  if (!hasReplyChannel(channel)) return 'phone-call transcript'
  return hasWebhook ? undefined : 'no channel webhook'
}
