// A desk's working day: a conversation is open, snoozed (until a time, or until the guest writes) or
// resolved; and whether its guest is waiting for a reply. Pure rules, no I/O: the conversation
// service applies them, db/conversations.ts mirrors `answersGuest` and `waitingSince` in SQL.
import type { Direction } from './channels.js'

export const CONVERSATION_STATES = ['open', 'snoozed', 'resolved'] as const
export type ConversationState = (typeof CONVERSATION_STATES)[number]

/** Where a conversation stands: snoozedUntil is set only while snoozed (null: until the guest writes). */
export interface StateOf {
  state: ConversationState
  snoozedUntil: number | null
}

/** Why a conversation opened again. */
export type ReopenReason = 'guest wrote' | 'snooze ended' | 'staff'

/** Why a conversation resolved itself (staff resolving say nothing). */
export type ResolveReason = 'guest quiet after the AI answer'

export type StateChange = { kind: 'resolve'; reason?: ResolveReason } | { kind: 'snooze'; until: number | null } | { kind: 'reopen'; reason: ReopenReason }

/** The timeline event a change leaves. */
export interface StateEvent {
  type: 'resolved' | 'snoozed' | 'reopened'
  data: Record<string, unknown>
}

export type Transition = { ok: true; next: StateOf; event: StateEvent } | { ok: true; next: null } | { ok: false; problem: string }

/**
 * What a change makes of the conversation's state at `now`: the next state and its event, `next: null`
 * when nothing changes (resolving a resolved one, reopening an open one, the same snooze again), or a
 * problem (a snooze that would end before now).
 */
export function transition(current: StateOf, change: StateChange, now: number): Transition {
  switch (change.kind) {
    case 'resolve':
      return current.state === 'resolved'
        ? { ok: true, next: null }
        : { ok: true, next: { state: 'resolved', snoozedUntil: null }, event: { type: 'resolved', data: change.reason ? { reason: change.reason } : {} } }
    case 'snooze':
      if (change.until !== null && change.until <= now) return { ok: false, problem: 'until must be a time in the future (or null: until the guest writes)' }
      if (current.state === 'snoozed' && current.snoozedUntil === change.until) return { ok: true, next: null }
      return {
        ok: true,
        next: { state: 'snoozed', snoozedUntil: change.until },
        event: { type: 'snoozed', data: { until: change.until === null ? null : new Date(change.until).toISOString() } },
      }
    case 'reopen':
      return current.state === 'open'
        ? { ok: true, next: null }
        : { ok: true, next: { state: 'open', snoozedUntil: null }, event: { type: 'reopened', data: { reason: change.reason } } }
  }
}

/** Whether a snooze with a time has ended by `now` (one until the guest writes never does). */
export const snoozeEnded = (current: StateOf, now: number): boolean =>
  current.state === 'snoozed' && current.snoozedUntil !== null && current.snoozedUntil <= now

/** What the waiting rule reads of a message. */
export interface WaitingMessage {
  direction: Direction
  createdAt: number
  author: 'bot' | null
  meta: { tools?: readonly string[] } | null
  /** An internal note: staff's, it answers no one. */
  internal?: boolean
}

/**
 * Whether an outbound message answers the guest: any staff or integration reply and the AI agent's
 * answers (which name the tools they used); not the AI agent's handover notice (it names none: the
 * guest still waits, now for staff), nor an internal note (the guest never sees it).
 */
export const answersGuest = (message: WaitingMessage): boolean =>
  message.direction === 'out' && message.internal !== true && !(message.author === 'bot' && (message.meta?.tools?.length ?? 0) === 0)

/**
 * Since when the guest has been waiting: the earliest guest message after the latest answer (one of
 * the same millisecond counts as answered); null when nobody waits. It depends on the messages only,
 * never on the order they arrived in, so every desk derives the same.
 */
export function waitingSince(messages: Iterable<WaitingMessage>): number | null {
  const all = [...messages]
  let answeredAt = -1
  for (const message of all) if (answersGuest(message)) answeredAt = Math.max(answeredAt, message.createdAt)
  let since: number | null = null
  for (const message of all) {
    if (message.direction === 'in' && message.createdAt > answeredAt) since = since === null ? message.createdAt : Math.min(since, message.createdAt)
  }
  return since
}

/** Needs reply: open, with a guest waiting. */
export const needsReply = (conversation: StateOf & { waitingSince: number | null }): boolean =>
  conversation.state === 'open' && conversation.waitingSince !== null
