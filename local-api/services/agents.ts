import { createHash, randomBytes } from 'node:crypto'
import type { Agent, AgentRole } from '../db/agents.js'
import type { Store } from '../db/store.js'
import { normalizeEmail } from '../domain/identity.js'
import { newId } from '../domain/ids.js'
import { passwordProblem } from '../domain/password-policy.js'
import { hashPassword, verifyPassword } from '../domain/passwords.js'
import type { Outcome, Problem } from './problems.js'

export interface NewAgentInput {
  name: string
  email: string
  password: string
  role: AgentRole
}

export interface AgentChanges {
  name?: string
  role?: AgentRole
  active?: boolean
  password?: string
}

/** How long a sign-in lasts: a desk PC stays signed in across shifts for two weeks. */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000

const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** Agents (staff who sign in), their passwords and their sessions. */
export function createAgentService(store: Store, clock: () => number = Date.now) {
  function logAgent(agent: Agent, op: 'insert' | 'update', now: number) {
    store.changeLog.append('agent', agent.id, op, agent, now)
  }

  const service = {
    /**
     * Validates and creates an agent; an email already in use is a problem, not an error. With
     * `onlyIfFirst` (first-run setup) nothing is created, and the value is undefined, once any agent exists.
     */
    async create<First extends boolean = false>(
      input: NewAgentInput,
      options?: { onlyIfFirst: First },
    ): Promise<Outcome<First extends true ? Agent | undefined : Agent>> {
      const problems: Problem[] = []
      const email = normalizeEmail(input.email)
      if (!email.ok) problems.push({ field: 'email', message: email.reason })
      else if (store.agents.withPasswordByEmail(email.value)) problems.push({ field: 'email', message: 'is already used by another agent' })
      if (input.name.trim() === '') problems.push({ field: 'name', message: 'must not be blank' })
      const weak = passwordProblem(input.password, { email: email.ok ? email.value : input.email, name: input.name })
      if (weak) problems.push({ field: 'password', message: weak })
      if (problems.length || !email.ok) return { ok: false, problems }
      const passwordHash = await hashPassword(input.password)
      const now = clock()
      const agent: Agent = {
        id: newId('agt'),
        name: input.name.trim(),
        email: email.value,
        role: input.role,
        active: true,
        uiLanguage: null,
        createdAt: now,
        updatedAt: now,
      }
      const created = store.transaction(() => {
        if (options?.onlyIfFirst && store.agents.count() > 0) return undefined
        store.agents.insert(agent, passwordHash)
        logAgent(agent, 'insert', now)
        return agent
      })
      return { ok: true, value: created as Agent }
    },

    /** Applies changes; refuses to leave the desk without an active admin. Deactivation ends the agent's sessions. */
    async update(id: string, changes: AgentChanges): Promise<Outcome<Agent> | undefined> {
      const current = store.agents.get(id)
      if (!current) return undefined
      const problems: Problem[] = []
      if (changes.name !== undefined && changes.name.trim() === '') problems.push({ field: 'name', message: 'must not be blank' })
      if (changes.password !== undefined) {
        // Judged against the name the agent will have after this change, and the one it had.
        const weak =
          passwordProblem(changes.password, { email: current.email, name: changes.name ?? current.name }) ??
          passwordProblem(changes.password, { email: current.email, name: current.name })
        if (weak) problems.push({ field: 'password', message: weak })
      }
      const next: Agent = {
        ...current,
        name: changes.name?.trim() ?? current.name,
        role: changes.role ?? current.role,
        active: changes.active ?? current.active,
      }
      const losesAdmin = current.role === 'admin' && current.active && (next.role !== 'admin' || !next.active)
      if (losesAdmin && store.agents.activeAdminCount() <= 1) {
        problems.push({ field: next.active ? 'role' : 'active', message: 'would leave no active admin' })
      }
      if (problems.length) return { ok: false, problems }
      const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password)
      const now = clock()
      next.updatedAt = now
      store.transaction(() => {
        store.agents.update(next)
        if (passwordHash) store.agents.setPasswordHash(id, passwordHash, now)
        if (!next.active || passwordHash) store.agentSessions.removeOfAgent(id)
        logAgent(next, 'update', now)
      })
      return { ok: true, value: next }
    },

    /**
     * The agent changes their own password: the current one must be given (a session left open on a
     * desk PC must not be enough). Like any new password, it ends the agent's sessions.
     */
    async changeOwnPassword(agent: Agent, currentPassword: string, newPassword: string): Promise<Outcome<Agent>> {
      const found = store.agents.withPasswordByEmail(agent.email)
      if (!found || !(await verifyPassword(currentPassword, found.passwordHash))) {
        return { ok: false, problems: [{ field: 'currentPassword', message: 'is not your current password' }] }
      }
      if (newPassword === currentPassword) return { ok: false, problems: [{ field: 'newPassword', message: 'must differ from your current password' }] }
      const updated = await service.update(agent.id, { password: newPassword })
      if (!updated) return { ok: false, problems: [{ field: 'agent', message: 'no longer exists' }] }
      return updated.ok ? updated : { ok: false, problems: updated.problems.map((problem) => ({ ...problem, field: 'newPassword' })) }
    },

    /** The agent's own choice of language for the inbox (null: their browser's); synced with the agent. */
    setUiLanguage(agentId: string, uiLanguage: string | null): Agent | undefined {
      return store.transaction(() => {
        const current = store.agents.get(agentId)
        if (!current) return undefined
        if (current.uiLanguage === uiLanguage) return current
        const now = clock()
        const next: Agent = { ...current, uiLanguage, updatedAt: now }
        store.agents.update(next)
        logAgent(next, 'update', now)
        return next
      })
    },

    /** The active agent with this email and password, or undefined. */
    async authenticate(email: string, password: string): Promise<Agent | undefined> {
      const normalized = normalizeEmail(email)
      const found = normalized.ok ? store.agents.withPasswordByEmail(normalized.value) : undefined
      if (!found) {
        // Spend the same time as a real check, so timing does not tell which emails exist.
        await verifyPassword(password, DUMMY_HASH)
        return undefined
      }
      const valid = await verifyPassword(password, found.passwordHash)
      return valid && found.agent.active ? found.agent : undefined
    },

    /** A new session for the agent; returns the cookie value (only its hash is stored). */
    startSession(agentId: string): { token: string; expiresAt: number } {
      const token = randomBytes(32).toString('base64url')
      const now = clock()
      const expiresAt = now + SESSION_TTL_MS
      store.agentSessions.removeExpired(now)
      store.agentSessions.insert({ tokenHash: hashSessionToken(token), agentId, createdAt: now, expiresAt })
      return { token, expiresAt }
    },

    /** The active agent a session cookie belongs to. */
    agentOfSession(token: string): Agent | undefined {
      const agentId = store.agentSessions.liveAgentId(hashSessionToken(token), clock())
      const agent = agentId ? store.agents.get(agentId) : undefined
      return agent?.active ? agent : undefined
    },

    endSession(token: string): void {
      store.agentSessions.remove(hashSessionToken(token))
    },
  }
  return service
}

// A fixed hash of a random password, for constant-time sign-in failures.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

export type AgentService = ReturnType<typeof createAgentService>
