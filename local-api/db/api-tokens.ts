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
}

interface ApiTokenRow {
  id: string
  name: string
  token_hash: string
  scopes: string
  property_id: string | null
  created_at: number
  revoked_at: number | null
}

const toApiToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  tokenHash: row.token_hash,
  scopes: row.scopes.split(' ').filter(Boolean) as Scope[],
  propertyId: row.property_id,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
})

export function apiTokensRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO api_tokens (id, name, token_hash, scopes, property_id, created_at)
    VALUES (@id, @name, @tokenHash, @scopes, @propertyId, @createdAt)`)
  const byHash = db.prepare('SELECT * FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL')

  return {
    insert(token: Omit<ApiToken, 'revokedAt'>): void {
      insert.run({ ...token, scopes: token.scopes.join(' ') })
    },
    activeByHash(tokenHash: string): ApiToken | undefined {
      const row = byHash.get(tokenHash) as ApiTokenRow | undefined
      return row && toApiToken(row)
    },
  }
}
