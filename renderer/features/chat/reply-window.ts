import type { Conversation, ReplyPolicy, ReplyRule, Template } from '../../../api-contract/index.js'

/**
 * The server decides what may be sent (its reply policy, evaluated when the conversation was
 * fetched); the composer only follows its answer over time: once `windowEndsAt` passes, the rule
 * the server gave for after the window holds.
 */

/** How long the 24 h window stays open, in ms; null when it has closed. */
export function windowLeft(policy: Pick<ReplyPolicy, 'windowEndsAt'>, now: number): number | null {
  if (!policy.windowEndsAt) return null
  const left = Date.parse(policy.windowEndsAt) - now
  return left > 0 ? left : null
}

/** The rule in force at `now`. */
export function replyRuleAt(policy: ReplyPolicy, now: number): ReplyRule {
  return policy.windowEndsAt !== null && windowLeft(policy, now) === null ? policy.afterWindow : policy
}

/** The templates the picker offers for this conversation under this rule. */
export function offeredTemplates(templates: readonly Template[], channel: Conversation['channel'], rule: ReplyRule): Template[] {
  if (!rule.canReply) return []
  return templates.filter(
    (template) => (template.channel === null || template.channel === channel) && (!rule.templatesOnly || template.approval === 'approved'),
  )
}
