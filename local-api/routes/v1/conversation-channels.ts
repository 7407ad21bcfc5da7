import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ChannelSchema } from '../../../api-contract/index.js'
import { boundProperty } from './property-scope.js'
import { problemResponses } from './schemas.js'

/** The channels the desk has conversations on: the inbox's channel filter offers these. */
export const conversationChannelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/conversation-channels',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'The channels the desk (or one property) has conversations on, in the contract’s order',
        querystring: Type.Object({ propertyId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }, { additionalProperties: false }),
        response: { 200: Type.Array(ChannelSchema), ...problemResponses },
      },
    },
    // A property-bound token sees only its own property's channels, whatever it asks for.
    async (request) => app.store.conversationChannels.inUse(boundProperty(request) ?? request.query.propertyId),
  )
}
