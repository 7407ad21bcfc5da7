import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { Agent } from '../db/agents.js'
import type { ApiToken } from '../db/api-tokens.js'
import type { Conversation } from '../db/conversations.js'
import type { Property } from '../db/properties.js'
import { grants, scopesOfRole, type Scope } from '../domain/scopes.js'
import { findApiToken } from '../services/api-tokens.js'
import { HttpError, notFound } from './http-error.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** A preHandler that lets the request through only with a token holding `scope`. */
    requireScope(scope: Scope): preHandlerAsyncHookHandler
    /** Whether the request's token or signed-in agent (already checked by requireScope) holds `scope`. */
    holds(request: FastifyRequest, scope: Scope): boolean
    /** The conversation `id` when the request may see it (a property-bound token sees only its own), else a 404. */
    conversationFor(request: FastifyRequest, id: string): Conversation
    /** The property a request acts on: its token's, or the first one. */
    propertyFor(request: FastifyRequest): Property
  }
  interface FastifyRequest {
    apiToken: ApiToken | null
    /** The signed-in staff member, when the request came with a session cookie instead of a token. */
    agent: Agent | null
  }
}

/** The inbox's session cookie: httpOnly, SameSite=Strict, set by POST /v1/session and /v1/setup. */
export const SESSION_COOKIE = 'frontdesk_session'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * SameSite=Strict already keeps the cookie off cross-site requests; a state-changing request that
 * names another origin is refused as well, for browsers and webviews that get SameSite wrong.
 */
function crossOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin
  if (SAFE_METHODS.has(request.method) || origin === undefined) return false
  try {
    return new URL(origin).host !== request.headers.host
  } catch {
    return true
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
    app.decorateRequest('agent', null)

    app.decorate('requireScope', (scope: Scope): preHandlerAsyncHookHandler => {
      return async function checkScope(request: FastifyRequest, _reply: FastifyReply) {
        const token = presentedToken(request)
        if (token) {
          const found = findApiToken(app.store, token)
          if (!found) throw new HttpError(401, 'Unauthorized', 'the API token is unknown or revoked')
          if (!grants(found.scopes, scope)) throw new HttpError(403, 'Forbidden', `the API token lacks the scope ${scope}`)
          request.apiToken = found
          return
        }
        const session = request.cookies[SESSION_COOKIE]
        const agent = session ? app.agents.agentOfSession(session) : undefined
        if (!agent) {
          throw new HttpError(401, 'Unauthorized', 'sign in, or send an API token (Authorization: Bearer … or x-access-token)')
        }
        if (crossOrigin(request)) throw new HttpError(403, 'Forbidden', 'cross-origin requests are not accepted')
        if (!grants(scopesOfRole(agent.role), scope)) throw new HttpError(403, 'Forbidden', `an ${agent.role} may not do this (needs ${scope})`)
        request.agent = agent
      }
    })

    app.decorate('holds', (request: FastifyRequest, scope: Scope): boolean => {
      if (request.apiToken) return grants(request.apiToken.scopes, scope)
      return request.agent !== null && grants(scopesOfRole(request.agent.role), scope)
    })

    app.decorate('conversationFor', (request: FastifyRequest, id: string): Conversation => {
      const conversation = app.store.conversations.get(id)
      const tokenProperty = request.apiToken?.propertyId
      if (!conversation || (tokenProperty && conversation.propertyId !== tokenProperty)) throw notFound('conversation', id)
      return conversation
    })

    app.decorate('propertyFor', (request: FastifyRequest): Property => {
      const propertyId = request.apiToken?.propertyId
      const property = propertyId ? app.store.properties.get(propertyId) : app.store.properties.first()
      if (!property) throw new HttpError(409, 'Conflict', 'no property is set up yet')
      return property
    })
  },
  { name: 'auth', dependencies: ['app-context', '@fastify/cookie'] },
)
