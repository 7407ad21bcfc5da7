import type { Db } from './open.js'

export type AgentRole = 'agent' | 'admin'

export interface Agent {
  id: string
  name: string
  email: string
  role: AgentRole
  active: boolean
  /** The language the agent chose for the inbox ('de', 'zh-Hant'…); null: their browser's. */
  uiLanguage: string | null
  createdAt: number
  updatedAt: number
}

interface AgentRow {
  id: string
  name: string
  email: string
  role: AgentRole
  active: 0 | 1
  password_hash: string
  ui_language: string | null
  created_at: number
  updated_at: number
}

const toAgent = (row: AgentRow): Agent => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  active: row.active === 1,
  uiLanguage: row.ui_language,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

export function agentsRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO agents (id, name, email, role, active, password_hash, ui_language, created_at, updated_at)
    VALUES (@id, @name, @email, @role, @active, @passwordHash, @uiLanguage, @createdAt, @updatedAt)`)
  const update = db.prepare(`
    UPDATE agents SET name = @name, role = @role, active = @active, ui_language = @uiLanguage, updated_at = @updatedAt WHERE id = @id`)
  const updatePassword = db.prepare('UPDATE agents SET password_hash = ?, updated_at = ? WHERE id = ?')
  // Another desk's agent: all of it, its e-mail address and password hash included.
  const upsert = db.prepare(`
    INSERT INTO agents (id, name, email, role, active, password_hash, ui_language, created_at, updated_at)
    VALUES (@id, @name, @email, @role, @active, @passwordHash, @uiLanguage, @createdAt, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, role = excluded.role, active = excluded.active,
      password_hash = excluded.password_hash, ui_language = excluded.ui_language, updated_at = excluded.updated_at`)
  const byId = db.prepare('SELECT * FROM agents WHERE id = ?')
  const byEmail = db.prepare('SELECT * FROM agents WHERE email = ?')
  const all = db.prepare('SELECT * FROM agents ORDER BY name COLLATE NOCASE, rowid')
  const count = db.prepare('SELECT count(*) AS n FROM agents')
  const activeAdmins = db.prepare("SELECT count(*) AS n FROM agents WHERE role = 'admin' AND active = 1")
  const references = [
    'UPDATE conversations SET assigned_agent_id = ? WHERE assigned_agent_id = ?',
    'UPDATE messages SET sender_agent_id = ? WHERE sender_agent_id = ?',
    'UPDATE conversations SET last_message_agent_id = ? WHERE last_message_agent_id = ?',
    'UPDATE leads SET created_by_agent_id = ? WHERE created_by_agent_id = ?',
    'UPDATE conversation_events SET agent_id = ? WHERE agent_id = ?',
    'UPDATE notifications SET agent_id = ? WHERE agent_id = ?',
    'UPDATE agent_sessions SET agent_id = ? WHERE agent_id = ?',
  ].map((sql) => db.prepare(sql))
  const remove = db.prepare('DELETE FROM agents WHERE id = ?')

  return {
    insert(agent: Agent, passwordHash: string): void {
      insert.run({ ...agent, active: agent.active ? 1 : 0, passwordHash })
    },
    update(agent: Agent): void {
      update.run({ ...agent, active: agent.active ? 1 : 0 })
    },
    setPasswordHash(id: string, passwordHash: string, now: number): void {
      updatePassword.run(passwordHash, now, id)
    },
    /** Writes an agent as another desk has it (sync): made if missing, else taken over whole. */
    fromSync(agent: Agent & { passwordHash: string }): void {
      upsert.run({ ...agent, active: agent.active ? 1 : 0 })
    },
    /** Every reference to agent `fromId` now names `toId`; `fromId` is deleted (two desks made one agent). */
    mergeInto(fromId: string, toId: string): void {
      for (const statement of references) statement.run(toId, fromId)
      remove.run(fromId)
    },
    get(id: string): Agent | undefined {
      const row = byId.get(id) as AgentRow | undefined
      return row && toAgent(row)
    },
    /** An agent's password hash (synced so staff can sign in at every desk of the group). */
    passwordHashOf(id: string): string | undefined {
      return (byId.get(id) as AgentRow | undefined)?.password_hash
    },
    byEmail(email: string): Agent | undefined {
      const row = byEmail.get(email) as AgentRow | undefined
      return row && toAgent(row)
    },
    /** The agent and its password hash, for signing in. */
    withPasswordByEmail(email: string): { agent: Agent; passwordHash: string } | undefined {
      const row = byEmail.get(email) as AgentRow | undefined
      return row && { agent: toAgent(row), passwordHash: row.password_hash }
    },
    list(): Agent[] {
      return (all.all() as AgentRow[]).map(toAgent)
    },
    count(): number {
      return (count.get() as { n: number }).n
    },
    activeAdminCount(): number {
      return (activeAdmins.get() as { n: number }).n
    },
  }
}
