import type { ConversationEventType } from '../db/conversation-events.js'
import type { Conversation, ConversationMode } from '../db/conversations.js'
import type { Store } from '../db/store.js'
import { newId } from '../domain/ids.js'
import type { DomainEvent, EventBus } from './event-bus.js'
import type { NotificationService } from './notifications.js'

/** Who made a change: an agent in the inbox, the AI agent, or the desk's own rules (routing). */
export type Actor = { agentId: string } | 'ai-agent' | 'system'
const agentOf = (actor: Actor) => (typeof actor === 'string' ? null : actor.agentId)

/** Changes to a conversation itself (its messages go through the ingest service). */
export function createConversationService(store: Store, events: EventBus, notifications: NotificationService, clock: () => number = Date.now) {
  /** Records a timeline event; must run inside the change's transaction. */
  function recordEvent(conversation: Conversation, type: ConversationEventType, actor: Actor, data: Record<string, unknown>, now: number): DomainEvent[] {
    const event = { id: newId('evt'), conversationId: conversation.id, type, agentId: agentOf(actor), data, createdAt: now }
    store.conversationEvents.insert(event)
    store.changeLog.append('conversation_event', event.id, 'insert', event, now)
    return [
      { type: 'conversation.event', conversationId: conversation.id, propertyId: conversation.propertyId, eventType: type },
      { type: 'conversation.updated', conversationId: conversation.id, propertyId: conversation.propertyId },
    ]
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
    const active = store.agents.list().filter((agent) => agent.active)
    const onDuty = new Set(store.agentSessions.signedInAgentIds(now))
    const signedIn = active.filter((agent) => onDuty.has(agent.id))
    return (signedIn.length ? signedIn : active).map((agent) => agent.id)
  }

  return {
    recordEvent,
    switchMode,

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
