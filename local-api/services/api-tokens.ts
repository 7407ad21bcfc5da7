import { createHash, randomBytes } from 'node:crypto'
import { newId } from '../domain/ids.js'
import type { Scope } from '../domain/scopes.js'
import type { ApiToken } from '../db/api-tokens.js'
import type { Store } from '../db/store.js'

const TOKEN_PREFIX = 'fdk_'

/** Tokens are 256 random bits; only their SHA-256 is stored, so a leaked database leaks no token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function createApiToken(
  store: Store,
  input: { name: string; scopes: Scope[]; propertyId?: string | null },
): { id: string; token: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url')
  const id = newId('tok')
  store.apiTokens.insert({
    id,
    name: input.name,
    tokenHash: hashToken(token),
    scopes: [...new Set(input.scopes)],
    propertyId: input.propertyId ?? null,
    createdAt: Date.now(),
  })
  return { id, token }
}

export function findApiToken(store: Store, token: string): ApiToken | undefined {
  return store.apiTokens.activeByHash(hashToken(token))
}
