import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { invalidInput } from '../../plugins/http-error.js'
import { IdParams, problemResponses } from './schemas.js'

/** Guest profiles: merging two that are one person. */
export const guestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/guests/:id/merge',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Merge two guest profiles of one person: identities, conversations, reservations and leads end up on one (the smaller id); synced to every desk',
        params: IdParams,
        body: Type.Object({ intoGuestId: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ guestId: Type.String(), conversationIds: Type.Array(Type.String()) }), ...problemResponses },
      },
    },
    async (request) => {
      const merged = app.guests.merge(request.params.id, request.body.intoGuestId)
      if (!merged.ok) throw invalidInput(merged.problems)
      return merged.value
    },
  )
}
