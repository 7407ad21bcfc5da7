import type { Store } from '../db/store.js'

/**
 * The agents on duty at `now`: active agents with a live session (signed in on this desk and not
 * signed out). A notification for "whoever is at the desk" goes to them.
 */
export function agentsOnDuty(store: Store, now: number): string[] {
  const signedIn = new Set(store.agentSessions.signedInAgentIds(now))
  return store.agents
    .list()
    .filter((agent) => agent.active && signedIn.has(agent.id))
    .map((agent) => agent.id)
}
