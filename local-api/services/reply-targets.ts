import type { Store } from '../db/store.js'

/** How long a guest may wait for a reply before the inbox marks the wait amber (warn) and red (late), in minutes. */
export interface ReplyTargets {
  warnMinutes: number
  lateMinutes: number
}

export const DEFAULT_REPLY_TARGETS: ReplyTargets = { warnMinutes: 5, lateMinutes: 15 }

// A desk setting per property, as the AI agent's: this desk's own, not synced.
const keyOf = (propertyId: string) => `reply.targets.${propertyId}`

/** The property's reply targets, the defaults where it has none. */
export function replyTargetsOf(store: Store, propertyId: string): ReplyTargets {
  return { ...DEFAULT_REPLY_TARGETS, ...store.settings.get<Partial<ReplyTargets>>(keyOf(propertyId)) }
}

/** What is wrong with reply targets (the warning would come after the lateness), or undefined. */
export const replyTargetsProblem = (targets: ReplyTargets): string | undefined =>
  targets.warnMinutes > targets.lateMinutes ? 'replyTargets.warnMinutes must not be above replyTargets.lateMinutes' : undefined

/** Saves the property's reply targets (checked with replyTargetsProblem first). */
export function saveReplyTargets(store: Store, propertyId: string, targets: ReplyTargets): void {
  store.settings.put(keyOf(propertyId), { warnMinutes: targets.warnMinutes, lateMinutes: targets.lateMinutes })
}
