import type { Store } from '../db/store.js'
import type { ConversationService } from './conversations.js'

const POINTER = 'routing.lastAgentId'

/**
 * The transfer queue's routing rule: a queued conversation without an assignee goes to the next
 * signed-in, active agent in turn (round-robin); with nobody signed in it waits in the queue, and
 * the waiting ones are handed out as soon as an agent signs in.
 */
export function createRoutingService(store: Store, conversations: ConversationService, clock: () => number = Date.now) {
  function nextAgent(): string | undefined {
    const signedIn = new Set(store.agentSessions.signedInAgentIds(clock()))
    const candidates = store.agents
      .list()
      .filter((agent) => agent.active && signedIn.has(agent.id))
      .map((agent) => agent.id)
      .sort()
    if (!candidates.length) return undefined
    const last = store.settings.get<string>(POINTER)
    const next = candidates.find((id) => last === undefined || id > last) ?? candidates[0]!
    store.settings.put(POINTER, next)
    return next
  }

  return {
    /** Assigns a queued, unassigned conversation to the next agent in turn; false when nobody is signed in. */
    route(conversationId: string): boolean {
      const conversation = store.conversations.get(conversationId)
      if (!conversation || conversation.queueState !== 'queued' || conversation.assignedAgentId) return false
      const agentId = nextAgent()
      if (!agentId) return false
      conversations.assign(conversation, agentId, 'system')
      return true
    },

    /** Hands out every conversation waiting in the queue (an agent just signed in). */
    routeWaiting(): number {
      let routed = 0
      for (const conversation of store.conversations.queuedUnassigned()) if (this.route(conversation.id)) routed++
      return routed
    },
  }
}

export type RoutingService = ReturnType<typeof createRoutingService>
