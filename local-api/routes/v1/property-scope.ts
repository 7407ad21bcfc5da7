import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import { credentialOf } from '../../plugins/auth.js'
import { HttpError, notFound } from '../../../sync-core/http/http-error.js'

// What a property-bound token may touch: its own property's things, never another's and never the
// whole desk's. Staff sessions and tokens bound to no property act on every property.

/** The property the request's token is bound to, or null (a staff session, a token bound to none). */
export function boundProperty(request: FastifyRequest): string | null {
  return request.apiToken?.propertyId ?? null
}

/**
 * An onRequest hook for a route about the whole desk (its settings, sync, staff, new properties,
 * the group's guest profiles): a token bound to one property is refused (403) before its body is read.
 */
export function deskWideOnly(app: FastifyInstance, what: string): onRequestAsyncHookHandler {
  return async (request) => {
    const credential = credentialOf(app, request)
    if (credential.kind === 'token' && credential.token.propertyId) throw new HttpError(403, 'Forbidden', `a token bound to one property may not ${what}`)
  }
}

/** `entity` when the request may act on it; another property's is not there for a bound token (404). */
export function ownEntity<T extends { propertyId: string }>(request: FastifyRequest, entity: T | undefined, kind: string, id: string): T {
  const bound = boundProperty(request)
  if (!entity || (bound && entity.propertyId !== bound)) throw notFound(kind, id)
  return entity
}

/** The property something new goes to: the one asked for (a bound token may ask only for its own), else the request's. */
export function targetProperty(app: FastifyInstance, request: FastifyRequest, asked: string | undefined): string {
  const bound = boundProperty(request)
  if (bound && asked && asked !== bound) throw new HttpError(403, 'Forbidden', 'this token is limited to another property')
  return asked ?? app.propertyFor(request).id
}
