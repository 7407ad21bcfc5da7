import type { ConversationEventType } from '../db/conversation-events.js'
import type { Conversation, ConversationMode } from '../db/conversations.js'
import type { Store } from '../db/store.js'
import { newId } from '../domain/ids.js'
import { snoozeEnded, transition, type StateChange, type StateOf } from '../domain/conversation-state.js'
import type { DomainEvent, EventBus } from './event-bus.js'
import type { NotificationService } from './notifications.js'
import { agentsOnDuty } from './agents-on-duty.js'

/** Who made a change: an agent in the inbox, the AI agent, or the desk's own rules (routing). */
export type Actor = { agentId: string } | 'ai-agent' | 'system'
const agentOf = (actor: Actor) => (typeof actor === 'string' ? null : actor.agentId)

type ConversationRef = Pick<Conversation, 'id' | 'propertyId'>

/** Records a timeline event; must run inside the change's transaction. Returns the events to publish. */
export function recordConversationEvent(
  store: Store,
  conversation: ConversationRef,
  type: ConversationEventType,
  actor: Actor,
  data: Record<string, unknown>,
  now: number,
  /** An event every desk records alike (the same id and time), so the copies of it merge into one. */
  as?: { id: string; at: number },
): DomainEvent[] {
  const event = { id: as?.id ?? newId('evt'), conversationId: conversation.id, type, agentId: agentOf(actor), data, createdAt: as?.at ?? now }
  store.conversationEvents.insert(event)
  store.changeLog.append('conversation_event', event.id, 'insert', event, now)
  return [
    { type: 'conversation.event', conversationId: conversation.id, propertyId: conversation.propertyId, eventType: type },
    { type: 'conversation.updated', conversationId: conversation.id, propertyId: conversation.propertyId },
  ]
}

/**
 * Opens, snoozes or resolves a conversation inside the caller's transaction: the new state, its
 * change-log entry (which carries it to the other desks) and its timeline event. Returns the events
 * to publish (none when nothing changed), or the problem with the change.
 */
export function changeConversationState(
  store: Store,
  conversation: ConversationRef & StateOf,
  change: StateChange,
  actor: Actor,
  now: number,
): { ok: true; published: DomainEvent[] } | { ok: false; problem: string } {
  const result = transition(conversation, change, now)
  if (!result.ok) return result
  if (result.next === null) return { ok: true, published: [] }
  store.conversations.setState(conversation.id, result.next)
  store.changeLog.append('conversation', conversation.id, 'update', { ...result.next }, now)
  // A snooze's end is seen by every desk's timer: each records the same event (its id and time follow
  // from the snooze), so two desks reopening it leave one event once they sync.
  const ended = change.kind === 'reopen' && change.reason === 'snooze ended' && conversation.snoozedUntil !== null
  const as = ended ? { id: `evt_${conversation.id}_snooze_${conversation.snoozedUntil}`, at: conversation.snoozedUntil! } : undefined
  return { ok: true, published: recordConversationEvent(store, conversation, result.event.type, actor, result.event.data, now, as) }
}

/** How often the snooze timer looks again when no snooze with a time is due sooner (one may arrive by sync). */
const SNOOZE_CHECK_MS = 60_000
/** After a pass the storage failed, the snoozes are looked at again this much later. */
const SNOOZE_RETRY_MS = 30_000

/** Changes to a conversation itself (its messages go through the ingest service). */
export function createConversationService(store: Store, events: EventBus, notifications: NotificationService, clock: () => number = Date.now) {
  const recordEvent = (conversation: ConversationRef, type: ConversationEventType, actor: Actor, data: Record<string, unknown>, now: number) =>
    recordConversationEvent(store, conversation, type, actor, data, now)
  let snoozeTimer: NodeJS.Timeout | undefined
  let stopped = true

  /** Changes the state in its own transaction and publishes; false when nothing changed. */
  function changeState(conversation: Conversation, change: StateChange, actor: Actor): { ok: true; changed: boolean } | { ok: false; problem: string } {
    const now = clock()
    const outcome = store.transaction(() => changeConversationState(store, conversation, change, actor, now))
    if (!outcome.ok) return outcome
    events.publish(outcome.published)
    if (change.kind === 'snooze') scheduleSnoozes()
    return { ok: true, changed: outcome.published.length > 0 }
  }

  /** Arms the timer for the next snooze to end (looking again at least every minute). */
  function scheduleSnoozes(delay?: number): void {
    if (stopped) return
    clearTimeout(snoozeTimer)
    if (delay === undefined) {
      const next = store.conversations.nextSnoozeEnd()
      delay = next === undefined ? SNOOZE_CHECK_MS : Math.min(Math.max(0, next - clock()), SNOOZE_CHECK_MS)
    }
    snoozeTimer = setTimeout(() => endDueSnoozes(), delay)
    snoozeTimer.unref()
  }

  /**
   * Reopens every conversation whose snooze has ended by now (event 'reopened', reason 'snooze
   * ended') and tells its assignee; then arms the timer for the next. Returns how many it reopened.
   */
  function endDueSnoozes(): number {
    let reopened = 0
    try {
      for (const id of store.conversations.dueSnoozes(clock())) {
        const now = clock()
        const conversation = store.conversations.get(id)
        if (!conversation || !snoozeEnded(conversation, now)) continue
        const outcome = store.transaction(() => changeConversationState(store, conversation, { kind: 'reopen', reason: 'snooze ended' }, 'system', now))
        if (!outcome.ok || outcome.published.length === 0) continue
        events.publish(outcome.published)
        reopened++
        if (conversation.assignedAgentId) {
          const who = conversation.guestName ?? conversation.identity?.value ?? 'a guest'
          notifications.notify(conversation.assignedAgentId, 'snooze_ended', conversation.id, `The snooze on the conversation with ${who} has ended`)
        }
      }
    } catch {
      // The storage failed (full, read-only, busy): the snoozes wait; /v1/health tells why.
      scheduleSnoozes(SNOOZE_RETRY_MS)
      return reopened
    }
    scheduleSnoozes()
    return reopened
  }

  /**
   * Switches the mode inside the caller's transaction: the change, its change-log entry and its
   * timeline event (a switch to human counts as a human transfer). Returns the events to publish.
   */
  function switchMode(conversation: Conversation, mode: ConversationMode, actor: Actor, reason: string | undefined, now: number): DomainEvent[] {
    store.conversations.setMode(conversation.id, mode)
    store.changeLog.append('conversation', conversation.id, 'update', { mode }, now)
    return recordEvent(conversation, actor === 'ai-agent' ? 'handover' : 'mode_changed', actor, { mode, ...(reason ? { reason } : {}) }, now)
  }

  /**
   * Who hears of the AI agent's handover: the assignee; else the agents on duty (signed in now); else,
   * nobody being signed in, every active agent, so the first to sign in finds it.
   */
  function handoverRecipients(conversation: Conversation, now: number): string[] {
    if (conversation.assignedAgentId) return [conversation.assignedAgentId]
    const onDuty = agentsOnDuty(store, now)
    return onDuty.length
      ? onDuty
      : store.agents
          .list()
          .filter((agent) => agent.active)
          .map((agent) => agent.id)
  }

  return {
    recordEvent,
    switchMode,

    /** Staff are done with it: resolved until the guest writes again. False when it already was. */
    resolve(conversation: Conversation, actor: Actor): boolean {
      const outcome = changeState(conversation, { kind: 'resolve' }, actor)
      return outcome.ok && outcome.changed
    },

    /** Out of the way until a time (reopened then) or, with null, until the guest writes; a time not in the future is a problem. */
    snooze(conversation: Conversation, until: number | null, actor: Actor): { ok: true; changed: boolean } | { ok: false; problem: string } {
      return changeState(conversation, { kind: 'snooze', until }, actor)
    },

    /** Open again, by staff. False when it was open. */
    reopen(conversation: Conversation, actor: Actor): boolean {
      const outcome = changeState(conversation, { kind: 'reopen', reason: 'staff' }, actor)
      return outcome.ok && outcome.changed
    },

    endDueSnoozes,

    /** Reopens the snoozes that ended while the desk was off, then keeps a timer for the next. */
    start(): void {
      stopped = false
      endDueSnoozes()
    },

    stop(): void {
      stopped = true
      clearTimeout(snoozeTimer)
    },

    /** Opening a conversation reads it: its unread count drops to zero, once. */
    markRead(conversation: Conversation): void {
      const now = clock()
      const changed = store.transaction(() => {
        if (!store.conversations.markRead(conversation.id)) return false
        store.changeLog.append('conversation', conversation.id, 'update', { unreadCount: 0 }, now)
        return true
      })
      if (changed) events.publish([{ type: 'conversation.updated', conversationId: conversation.id, propertyId: conversation.propertyId }])
    },

    /** Staff want to come back to it: a read conversation counts one unread again (this desk's own, as reading it). */
    markUnread(conversation: Conversation): void {
      const now = clock()
      const changed = store.transaction(() => {
        if (!store.conversations.markUnread(conversation.id)) return false
        store.changeLog.append('conversation', conversation.id, 'update', { unreadCount: 1 }, now)
        return true
      })
      if (changed) events.publish([{ type: 'conversation.updated', conversationId: conversation.id, propertyId: conversation.propertyId }])
    },

    /**
     * Switches between the AI agent and staff. Every switch is a timeline event; a switch to human
     * mode counts as a human transfer. The AI agent's own handover says why and tells staff.
     */
    setMode(conversation: Conversation, mode: ConversationMode, actor: Actor, reason?: string): boolean {
      if (conversation.mode === mode) return false
      const now = clock()
      const published = store.transaction(() => switchMode(conversation, mode, actor, reason, now))
      events.publish(published)
      if (actor === 'ai-agent') {
        const who = conversation.guestName ?? conversation.identity?.value ?? 'A guest'
        const text = `${who} needs a person: ${reason ?? 'the AI agent handed over'}`
        for (const agentId of handoverRecipients(conversation, now)) notifications.notify(agentId, 'handover', conversation.id, text)
      }
      return true
    },

    /** Gives the conversation to an agent (or nobody); the assignee is notified. */
    assign(conversation: Conversation, agentId: string | null, actor: Actor): void {
      if (conversation.assignedAgentId === agentId) return
      const now = clock()
      const routing = { queueState: conversation.queueState, assignedAgentId: agentId }
      const published = store.transaction(() => {
        store.conversations.setRouting(conversation.id, routing)
        store.changeLog.append('conversation', conversation.id, 'update', routing, now)
        return recordEvent(conversation, 'assigned', actor, { assignedAgentId: agentId, ...(actor === 'system' ? { by: 'routing' } : {}) }, now)
      })
      events.publish(published)
      if (agentId && agentOf(actor) !== agentId) {
        const who = conversation.guestName ?? conversation.identity?.value ?? 'a guest'
        notifications.notify(agentId, 'assigned', conversation.id, `You were assigned the conversation with ${who}`)
      }
    },
  }
}

export type ConversationService = ReturnType<typeof createConversationService>
