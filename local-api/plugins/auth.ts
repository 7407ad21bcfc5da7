import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { ApiToken } from '../db/api-tokens.js'
import type { Property } from '../db/properties.js'
import { grants, type Scope } from '../domain/scopes.js'
import { findApiToken } from '../services/api-tokens.js'
import { HttpError } from './http-error.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** A preHandler that lets the request through only with a token holding `scope`. */
    requireScope(scope: Scope): preHandlerAsyncHookHandler
    /** The property a request acts on: its token's, or the first one. */
    propertyFor(request: FastifyRequest): Property
  }
  interface FastifyRequest {
    apiToken: ApiToken | null
  }
}

/** The token from `Authorization: Bearer`, `x-access-token`, or (Interactive dialect) the body. */
export function presentedToken(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    return match?.[1]
  }
  const header = request.headers['x-access-token']
  if (typeof header === 'string' && header !== '') return header
  return undefined
}

export const auth = fp(
  async (app) => {
    app.decorateRequest('apiToken', null)

    app.decorate('requireScope', (scope: Scope): preHandlerAsyncHookHandler => {
      return async function checkScope(request: FastifyRequest, _reply: FastifyReply) {
        const token = presentedToken(request)
        if (!token) throw new HttpError(401, 'Unauthorized', 'an API token is required (Authorization: Bearer … or x-access-token)')
        const found = findApiToken(app.store, token)
        if (!found) throw new HttpError(401, 'Unauthorized', 'the API token is unknown or revoked')
        if (!grants(found.scopes, scope)) {
          throw new HttpError(403, 'Forbidden', `the API token lacks the scope ${scope}`)
        }
        request.apiToken = found
      }
    })

    app.decorate('propertyFor', (request: FastifyRequest): Property => {
      const propertyId = request.apiToken?.propertyId
      const property = propertyId ? app.store.properties.get(propertyId) : app.store.properties.first()
      if (!property) throw new HttpError(409, 'Conflict', 'no property is set up yet')
      return property
    })
  },
  { name: 'auth', dependencies: ['app-context'] },
)
