import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ChannelSchema } from '../../../api-contract/index.js'
import { boundProperty } from './property-scope.js'
import { problemResponses } from './schemas.js'

/** The channels the desk has conversations on, and the languages its guests write: the inbox's filters offer these. */
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

  app.get(
    '/conversation-languages',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: "The languages the desk's (or one property's) guests write, as told offline from their messages",
        description: "ISO 639-1 codes (de, ar, zh…), for the list's `language` filter.",
        querystring: Type.Object({ propertyId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }, { additionalProperties: false }),
        response: { 200: Type.Array(Type.String()), ...problemResponses },
      },
    },
    async (request) => app.store.conversationLanguages.inUse(boundProperty(request) ?? request.query.propertyId),
  )
}
