import type { Scope } from '../domain/scopes.js'
import type { Db } from './open.js'

export interface ApiToken {
  id: string
  name: string
  tokenHash: string
  scopes: Scope[]
  propertyId: string | null
  createdAt: number
  revokedAt: number | null
  /** When it was last presented (to the minute: updated at most once a minute), or null. */
  lastUsedAt: number | null
}

interface ApiTokenRow {
  id: string
  name: string
  token_hash: string
  scopes: string
  property_id: string | null
  created_at: number
  revoked_at: number | null
  last_used_at: number | null
}

const toApiToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  tokenHash: row.token_hash,
  scopes: row.scopes.split(' ').filter(Boolean) as Scope[],
  propertyId: row.property_id,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
})

export function apiTokensRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO api_tokens (id, name, token_hash, scopes, property_id, created_at)
    VALUES (@id, @name, @tokenHash, @scopes, @propertyId, @createdAt)`)
  const byHash = db.prepare('SELECT * FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL')
  const byId = db.prepare('SELECT * FROM api_tokens WHERE id = ?')
  const all = db.prepare('SELECT * FROM api_tokens ORDER BY created_at DESC, rowid DESC')
  const ofProperty = db.prepare('SELECT * FROM api_tokens WHERE property_id = ? ORDER BY created_at DESC, rowid DESC')
  const revoke = db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
  const touch = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?')

  return {
    insert(token: Omit<ApiToken, 'revokedAt' | 'lastUsedAt'>): void {
      insert.run({ ...token, scopes: token.scopes.join(' ') })
    },
    get(id: string): ApiToken | undefined {
      const row = byId.get(id) as ApiTokenRow | undefined
      return row && toApiToken(row)
    },
    /** Every token, revoked ones included, newest first; or only those bound to `propertyId`. */
    list(propertyId?: string): ApiToken[] {
      const rows = (propertyId === undefined ? all.all() : ofProperty.all(propertyId)) as ApiTokenRow[]
      return rows.map(toApiToken)
    },
    /** Marks the token revoked; false when it was revoked already (the first time is kept). */
    revoke(id: string, now: number): boolean {
      return revoke.run(now, id).changes === 1
    },
    touch(id: string, now: number): void {
      touch.run(now, id)
    },
    activeByHash(tokenHash: string): ApiToken | undefined {
      const row = byHash.get(tokenHash) as ApiTokenRow | undefined
      return row && toApiToken(row)
    },
  }
}
