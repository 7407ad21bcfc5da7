import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ApiTokenSchema, CreatedApiTokenSchema, NewApiTokenBody } from '../../../api-contract/index.js'
import type { ApiToken } from '../../db/api-tokens.js'
import { HttpError, notFound } from '../../../sync-core/http/http-error.js'
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/api-tokens.js'
import { IdParams, problemResponses } from './schemas.js'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())
const tokenView = (token: ApiToken) => ({
  id: token.id,
  name: token.name,
  scopes: token.scopes,
  propertyId: token.propertyId,
  createdAt: iso(token.createdAt)!,
  lastUsedAt: iso(token.lastUsedAt),
  revokedAt: iso(token.revokedAt),
})

/**
 * API tokens, for admins: list, create (the secret is shown once) and revoke (refused from the next
 * request on). A property-bound admin token sees, makes and revokes only its property's tokens.
 */
export const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/tokens',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Every API token, revoked ones included, newest first: name, scopes, property, created, last used (admin)',
        response: { 200: Type.Array(ApiTokenSchema), ...problemResponses },
      },
    },
    async (request) => listApiTokens(app.store, request.apiToken?.propertyId).map(tokenView),
  )

  app.post(
    '/tokens',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Create an API token (admin); the answer carries its secret, shown this once',
        body: NewApiTokenBody,
        response: { 201: CreatedApiTokenSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const callerProperty = request.apiToken?.propertyId ?? null
      // Not given: the caller's own property (none for an unbound caller); null: every property.
      const propertyId = request.body.propertyId === undefined ? callerProperty : request.body.propertyId
      // A property-bound caller cannot mint a token for every property, nor for another one.
      if (callerProperty && propertyId !== callerProperty)
        throw new HttpError(403, 'Forbidden', `this token is bound to ${callerProperty} and may only create tokens for it`)
      if (propertyId && !app.store.properties.get(propertyId)) {
        throw new HttpError(400, 'Bad Request', `propertyId names no property: ${propertyId}`, [{ field: 'propertyId', message: 'names no property' }])
      }
      const created = createApiToken(app.store, { name: request.body.name, scopes: request.body.scopes, propertyId }, app.clock())
      const token = app.store.apiTokens.get(created.id)!
      return reply.code(201).send({ ...tokenView(token), token: created.token })
    },
  )

  app.delete(
    '/tokens/:id',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Revoke an API token (admin): it is refused (401) from the next request on; revoking again changes nothing',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const revoked = revokeApiToken(app.store, request.params.id, app.clock(), request.apiToken?.propertyId)
      if (!revoked) throw notFound('API token', request.params.id)
      return reply.code(204).send(null)
    },
  )
}
