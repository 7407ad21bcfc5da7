import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { Agent } from '../db/agents.js'
import type { ApiToken } from '../db/api-tokens.js'
import type { Conversation } from '../db/conversations.js'
import type { Property } from '../db/properties.js'
import { grants, scopesOfRole, type Scope } from '../domain/scopes.js'
import { findApiToken } from '../services/api-tokens.js'
import { HttpError, notFound } from '../../sync-core/http/http-error.js'

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
 * The largest body a route that authenticates only after reading it may take (sign-in, setup, the
 * Interactive dialect's `sessionToken`): whoever has no credential cannot make the desk parse more.
 */
export const UNAUTHENTICATED_BODY_LIMIT_BYTES = 64 * 1024

/**
 * A state-changing request sent by a web page of another origin. SameSite=Strict already keeps the
 * session cookie off cross-site requests; this refuses them outright, for browsers and webviews that
 * get SameSite wrong, for sign-in and setup (login CSRF: no cookie involved) and for token requests
 * (a page cannot read a token, but one that got hold of it is still not the desk's own inbox).
 * The Origin is compared with the desk's allow-list (http, an allowed host, the port it listens
 * on, or the public URL), never with the request's own Host, which the page's DNS controls.
 * Clients that are not browsers send no Origin and are not affected.
 */
function crossOrigin(app: FastifyInstance, request: FastifyRequest): boolean {
  const origin = request.headers.origin
  if (SAFE_METHODS.has(request.method) || origin === undefined) return false
  return !app.hostPolicy.originAllowed(origin)
}

/** What a request presents: a live token, a live session, an unknown one of either, or nothing. */
type Credential =
  { kind: 'token'; token: ApiToken } | { kind: 'agent'; agent: Agent } | { kind: 'unknown-token' } | { kind: 'unknown-session' } | { kind: 'none' }

const credentials = new WeakMap<FastifyRequest, Credential>()

/** The request's credential, looked up once per request (the rate limiter and the auth check share it). */
export function credentialOf(app: FastifyInstance, request: FastifyRequest): Credential {
  const known = credentials.get(request)
  if (known) return known
  let credential: Credential
  const token = presentedToken(request)
  if (token) {
    const found = findApiToken(app.store, token, app.clock())
    credential = found ? { kind: 'token', token: found } : { kind: 'unknown-token' }
  } else {
    const session = request.cookies?.[SESSION_COOKIE]
    const agent = session ? app.agents.agentOfSession(session) : undefined
    credential = agent ? { kind: 'agent', agent } : session ? { kind: 'unknown-session' } : { kind: 'none' }
  }
  credentials.set(request, credential)
  return credential
}

/**
 * The rate limiter's bucket: a live token or session has its own; anything else (nothing, a junk
 * token, a stale cookie) shares its client address's, so made-up credentials buy no fresh bucket.
 */
export function rateLimitKey(app: FastifyInstance, request: FastifyRequest): string {
  const credential = credentialOf(app, request)
  if (credential.kind === 'token') return `token:${credential.token.id}`
  if (credential.kind === 'agent') return `agent:${credential.agent.id}`
  return `ip:${request.ip}`
}

/**
 * Answers 401 unless the request carries a live credential, and records who it is. Runs at
 * onRequest for every route that needs a scope: before the body is read, parsed or validated.
 */
function authenticate(app: FastifyInstance, request: FastifyRequest): void {
  const credential = credentialOf(app, request)
  if (credential.kind === 'token') request.apiToken = credential.token
  else if (credential.kind === 'agent') request.agent = credential.agent
  else if (credential.kind === 'unknown-token') throw new HttpError(401, 'Unauthorized', 'the API token is unknown or revoked')
  else throw new HttpError(401, 'Unauthorized', 'sign in, or send an API token (Authorization: Bearer … or x-access-token)')
}

/** Marks the preHandlers made by requireScope, so the route also authenticates at onRequest. */
const SCOPE_CHECK = Symbol('frontdesk.scopeCheck')
type ScopeCheck = preHandlerAsyncHookHandler & { [SCOPE_CHECK]?: Scope }

function needsScope(hooks: unknown): boolean {
  return [hooks].flat().some((hook) => typeof hook === 'function' && (hook as ScopeCheck)[SCOPE_CHECK] !== undefined)
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
      const checkScope: ScopeCheck = async function checkScope(request: FastifyRequest, _reply: FastifyReply) {
        // Already done at onRequest for a route declared with it; done here for any other use.
        if (!request.apiToken && !request.agent) authenticate(app, request)
        const found = request.apiToken
        if (found) {
          if (!grants(found.scopes, scope)) throw new HttpError(403, 'Forbidden', `the API token lacks the scope ${scope}`)
          return
        }
        const agent = request.agent!
        if (!grants(scopesOfRole(agent.role), scope)) throw new HttpError(403, 'Forbidden', `an ${agent.role} may not do this (needs ${scope})`)
      }
      checkScope[SCOPE_CHECK] = scope
      return checkScope
    })

    // Every route declared with `preHandler: app.requireScope(…)` authenticates at onRequest (after
    // the rate limiter), so a request without a live credential is a 401 before its body is read.
    // A route that takes its credential from the body (or none) may only take a small body.
    app.addHook('onRoute', (route) => {
      if (needsScope(route.preHandler)) {
        // The scope too is checked before the body: a token without it gets 403, not a 400 about its body.
        const scopeChecks = [route.preHandler]
          .flat()
          .filter((hook) => typeof hook === 'function' && (hook as ScopeCheck)[SCOPE_CHECK] !== undefined) as ScopeCheck[]
        const authenticateFirst = async (request: FastifyRequest, reply: FastifyReply) => {
          authenticate(app, request)
          for (const check of scopeChecks) await check.call(app, request, reply)
        }
        route.onRequest = [...[route.onRequest ?? []].flat(), authenticateFirst]
      } else if (route.bodyLimit === undefined) {
        route.bodyLimit = UNAUTHENTICATED_BODY_LIMIT_BYTES
      }
    })

    // A state-changing request from another origin's page is refused before anything else reads it.
    app.addHook('onRequest', async (request) => {
      if (crossOrigin(app, request)) throw new HttpError(403, 'Forbidden', 'cross-origin requests are not accepted')
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
  { name: 'auth', dependencies: ['app-context', '@fastify/cookie', 'host-policy'] },
)
