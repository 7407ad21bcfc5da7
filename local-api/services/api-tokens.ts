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
  now: number = Date.now(),
): { id: string; token: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url')
  const id = newId('tok')
  store.apiTokens.insert({
    id,
    name: input.name,
    tokenHash: hashToken(token),
    scopes: [...new Set(input.scopes)],
    propertyId: input.propertyId ?? null,
    createdAt: now,
  })
  return { id, token }
}

/** How stale a token's `lastUsedAt` may get: one write a minute per token, not one per request. */
export const LAST_USED_RESOLUTION_MS = 60_000

/**
 * The live token with this secret, or undefined (unknown, or revoked: the lookup itself skips
 * revoked rows, so a revoked token is refused from the next request on). Records the use, at most
 * once a minute; a store that cannot be written to (disk full, read-only) does not stop the request.
 */
export function findApiToken(store: Store, token: string, now: number = Date.now()): ApiToken | undefined {
  const found = store.apiTokens.activeByHash(hashToken(token))
  if (!found || found.revokedAt !== null) return undefined
  if (found.lastUsedAt === null || now - found.lastUsedAt >= LAST_USED_RESOLUTION_MS || now < found.lastUsedAt) {
    try {
      store.apiTokens.touch(found.id, now)
      found.lastUsedAt = now
    } catch {
      // Only bookkeeping: the credential check stands without it.
    }
  }
  return found
}

/** Every token (a property's only, for a property-bound caller), newest first; never a secret or hash. */
export function listApiTokens(store: Store, propertyId?: string | null): ApiToken[] {
  return store.apiTokens.list(propertyId ?? undefined)
}

/**
 * Revokes a token (a property-bound caller only its property's). Returns the token as it now is,
 * or undefined when there is none the caller may see. Revoking twice keeps the first time.
 */
export function revokeApiToken(store: Store, id: string, now: number, propertyId?: string | null): ApiToken | undefined {
  const token = store.apiTokens.get(id)
  if (!token || (propertyId && token.propertyId !== propertyId)) return undefined
  store.apiTokens.revoke(id, now)
  return store.apiTokens.get(id)
}
