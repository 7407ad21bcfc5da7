import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Conversation } from '../../db/conversations.js'
import { normalizePhone } from '../../domain/identity.js'
import { HttpError, notFound } from '../../plugins/http-error.js'
import { ChannelSchema, ConversationSchema, IdParams, MessageSchema, problemResponses } from './schemas.js'
import { conversationView, decodeCursor, encodeCursor, messageView } from './views.js'

const ListQuery = Type.Object({
  propertyId: Type.Optional(Type.String({ minLength: 1 })),
  channel: Type.Optional(ChannelSchema),
  status: Type.Optional(Type.Enum(['active', 'expired'])),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Last activity at or after this time.' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Last activity before this time.' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Words of the guest\'s name, phone or email.' })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page.' })),
})

const MessagesQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  before: Type.Optional(Type.String({ maxLength: 100, description: 'A message id: return the messages older than it.' })),
})

const parseTime = (value: string | undefined, field: string): number | undefined => {
  if (value === undefined) return undefined
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) throw new HttpError(400, 'Bad Request', `${field} is not a valid date-time`)
  return ms
}

export const conversationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** A query typed as a national phone number ("079 444 00 01") is searched as its E.164 form. */
  function phoneAsE164(q: string, propertyId: string | undefined): string {
    if (!/^[+\d][\d\s()./-]{5,}$/.test(q.trim())) return q
    const property = (propertyId && app.store.properties.get(propertyId)) || app.store.properties.first()
    const phone = property ? normalizePhone(q, property.defaultCountry) : undefined
    return phone?.ok ? phone.value : q
  }

  /** A conversation the request's token may see, or a 404. */
  function visibleConversation(request: FastifyRequest, id: string): Conversation {
    const conversation = app.store.conversations.get(id)
    const tokenProperty = request.apiToken?.propertyId
    if (!conversation || (tokenProperty && conversation.propertyId !== tokenProperty)) throw notFound('conversation', id)
    return conversation
  }

  app.get(
    '/conversations',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'Conversations, newest activity first, filtered, in cursor pages',
        querystring: ListQuery,
        response: {
          200: Type.Object({ items: Type.Array(ConversationSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const query = request.query
      const tokenProperty = request.apiToken?.propertyId
      if (tokenProperty && query.propertyId && query.propertyId !== tokenProperty) {
        throw new HttpError(403, 'Forbidden', 'this token is limited to another property')
      }
      const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor)
      if (query.cursor !== undefined && !before) throw new HttpError(400, 'Bad Request', 'cursor is not one this API returned')
      const now = app.clock()
      const items = app.store.conversations.list({
        propertyId: tokenProperty ?? query.propertyId,
        channel: query.channel,
        status: query.status,
        from: parseTime(query.from, 'from'),
        to: parseTime(query.to, 'to'),
        query: query.q === undefined ? undefined : phoneAsE164(query.q, tokenProperty ?? query.propertyId),
        before: before && { lastMessageAt: before.at, id: before.id },
        limit: query.limit,
        now,
      })
      const last = items.at(-1)
      return {
        items: items.map((conversation) => conversationView(conversation, now)),
        nextCursor: items.length === query.limit && last ? encodeCursor({ at: last.lastMessageAt, id: last.id }) : null,
      }
    },
  )

  app.get(
    '/conversations/:id',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'One conversation',
        params: IdParams,
        response: { 200: ConversationSchema, ...problemResponses },
      },
    },
    async (request) => conversationView(visibleConversation(request, request.params.id), app.clock()),
  )

  app.get(
    '/conversations/:id/messages',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'A conversation\'s messages, newest first, in pages going back in time',
        params: IdParams,
        querystring: MessagesQuery,
        response: {
          200: Type.Object({ items: Type.Array(MessageSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const conversation = visibleConversation(request, request.params.id)
      const { limit, before } = request.query
      let anchor: { id: string; createdAt: number } | undefined
      if (before !== undefined) {
        const message = app.store.messages.get(before)
        if (!message || message.conversationId !== conversation.id) {
          throw new HttpError(400, 'Bad Request', `before names no message of this conversation`)
        }
        anchor = { id: message.id, createdAt: message.createdAt }
      }
      const items = app.store.messages.pageNewestFirst(conversation.id, limit, anchor)
      const last = items.at(-1)
      return { items: items.map(messageView), nextCursor: items.length === limit && last ? last.id : null }
    },
  )
}
