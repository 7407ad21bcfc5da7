import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { isAllowedAttachmentUrl } from '../../domain/message-content.js'
import { seesInternalNotes } from '../../domain/scopes.js'
import { HttpError, invalidBatch, invalidInput, notFound } from '../../../sync-core/http/http-error.js'
import type { IncomingMessage } from '../../services/ingest.js'
import type { Problem } from '../../services/problems.js'
import { ChannelSchema, MessageContentSchema } from '../../../api-contract/index.js'
import { IdParams, problemResponses, Timestamp } from './schemas.js'

const PushedMessage = Type.Object(
  {
    channel: ChannelSchema,
    guest: Type.Object(
      { phone: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })), email: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })) },
      { additionalProperties: false, minProperties: 1, maxProperties: 1, description: "The guest's phone or email (one of them)." },
    ),
    direction: Type.Enum(['in', 'out'], { description: 'in: from the guest; out: from the property.' }),
    content: MessageContentSchema,
    createdAt: Timestamp(),
    externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Idempotency key: a retry with it stores nothing new.' })),
  },
  { additionalProperties: false },
)

/** The native push: any channel and every message type, 1–100 per request, all or nothing. */
export const messageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/messages',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Push guest messages on any channel (WhatsApp, Messenger, Instagram, SMS, email…), every message type',
        description: "One conversation per property, channel and guest; a rejected batch stores nothing. Goes to the token's property, else the first.",
        body: Type.Object({ messages: Type.Array(PushedMessage, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({
            items: Type.Array(
              Type.Object({
                conversationId: Type.String(),
                messageId: Type.String(),
                created: Type.Boolean({ description: 'false: an earlier push with this externalId' }),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const problems: Problem[] = []
      const batch = request.body.messages.map((message, index): IncomingMessage => {
        const content = message.content
        if ((content.type === 'image' || content.type === 'file') && !isAllowedAttachmentUrl(content.url)) {
          problems.push({ index, field: 'content.url', message: 'must be an http(s) address or /v1/attachments/att_…' })
        }
        return {
          channel: message.channel,
          identity: message.guest.phone !== undefined ? { kind: 'phone', value: message.guest.phone } : { kind: 'email', value: message.guest.email! },
          direction: message.direction,
          content,
          createdAt: Date.parse(message.createdAt),
          externalId: message.externalId,
        }
      })
      if (problems.length) throw invalidInput(problems, (p) => `messages.${p.index}.${p.field}`)
      const outcome = await app.ingest.submit(app.propertyFor(request), batch)
      if (!outcome.ok) throw invalidBatch(outcome.problems, (p) => `messages.${p.index}.${p.field === 'identity' ? 'guest' : p.field}`)
      return reply.code(201).send({ items: outcome.value })
    },
  )

  app.post(
    '/messages/:id/retry-delivery',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Try a reply whose delivery failed again, now',
        params: IdParams,
        response: { 202: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const message = app.store.messages.get(request.params.id)
      if (!message || (message.internal && !seesInternalNotes(request))) throw notFound('message', request.params.id)
      app.conversationFor(request, message.conversationId)
      if (!app.delivery.retry(message.id)) throw new HttpError(409, 'Conflict', 'only a reply whose delivery failed can be retried')
      return reply.code(202).send(null)
    },
  )
}
