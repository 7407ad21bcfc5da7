import type { Db } from './open.js'

export interface AgentSession {
  tokenHash: string
  agentId: string
  createdAt: number
  expiresAt: number
}

export function agentSessionsRepository(db: Db) {
  const insert = db.prepare('INSERT INTO agent_sessions (token_hash, agent_id, created_at, expires_at) VALUES (@tokenHash, @agentId, @createdAt, @expiresAt)')
  const live = db.prepare('SELECT agent_id AS agentId FROM agent_sessions WHERE token_hash = ? AND expires_at > ?')
  const remove = db.prepare('DELETE FROM agent_sessions WHERE token_hash = ?')
  const removeOfAgent = db.prepare('DELETE FROM agent_sessions WHERE agent_id = ?')
  const removeExpired = db.prepare('DELETE FROM agent_sessions WHERE expires_at <= ?')
  const signedIn = db.prepare('SELECT DISTINCT agent_id AS agentId FROM agent_sessions WHERE expires_at > ?')

  return {
    insert(session: AgentSession): void {
      insert.run(session)
    },
    /** The agent of an unexpired session. */
    liveAgentId(tokenHash: string, now: number): string | undefined {
      return (live.get(tokenHash, now) as { agentId: string } | undefined)?.agentId
    },
    remove(tokenHash: string): void {
      remove.run(tokenHash)
    },
    removeOfAgent(agentId: string): void {
      removeOfAgent.run(agentId)
    },
    /** Agents with a live session. */
    signedInAgentIds(now: number): string[] {
      return (signedIn.all(now) as { agentId: string }[]).map((row) => row.agentId)
    },
    removeExpired(now: number): void {
      removeExpired.run(now)
    },
  }
}
