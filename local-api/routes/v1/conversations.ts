import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { MessageContent } from '../../domain/message-content.js'
import { seesInternalNotes } from '../../domain/scopes.js'
import type { ReplyKind } from '../../domain/reply-policy.js'
import { fillTemplate } from '../../domain/template-variables.js'
import { HttpError, invalidInput } from '../../../sync-core/http/http-error.js'
import { templateContext } from '../../services/template-context.js'
import {
  ConversationCountFilterFields,
  ConversationFilterFields,
  ConversationPageSchema,
  ConversationViewCountsSchema,
  ConversationSchema,
  GuestPanelSchema,
  MessagePageSchema,
  MessageSchema,
  ReplyBody,
} from '../../../api-contract/index.js'
import { conversationFilter } from './conversation-filters.js'
import { checkedContent } from './message-content.js'
import { IdParams, problemResponses } from './schemas.js'
import { conversationView, decodeCursor, encodeCursor, messageView, reservationView } from './views.js'

const ListQuery = Type.Object({
  ...ConversationFilterFields,
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page.' })),
})

const MessagesQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  before: Type.Optional(Type.String({ maxLength: 100, description: 'A message id: return the messages older than it.' })),
})

export const conversationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/conversations',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'Conversations, newest activity first (needs_reply: longest waiting first), filtered, in cursor pages',
        querystring: ListQuery,
        response: { 200: ConversationPageSchema, ...problemResponses },
      },
    },
    async (request) => {
      const query = request.query
      const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor)
      if (query.cursor !== undefined && !before) throw new HttpError(400, 'Bad Request', 'cursor is not one this API returned')
      const filter = conversationFilter(app, request, query)
      const now = filter.now
      // needs_reply pages on (waiting since, id) going forward; the other views on (last activity, id) going back.
      const waiting = filter.view === 'needs_reply'
      const position = waiting
        ? { afterWaiting: before && { waitingSince: before.at, id: before.id } }
        : { before: before && { lastMessageAt: before.at, id: before.id } }
      const items = await app.store.conversations.find({ ...filter, ...position, limit: query.limit })
      const last = items.at(-1)
      const key = last && (waiting ? last.waitingSince : last.lastMessageAt)
      return {
        items: items.map((conversation) => conversationView(conversation, now)),
        nextCursor: items.length === query.limit && last && key !== null && key !== undefined ? encodeCursor({ at: key, id: last.id }) : null,
      }
    },
  )

  app.get(
    '/conversations/counts',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: "How many conversations each of the list's views holds (needs_reply, open, snoozed, resolved, all), for the same filters",
        querystring: Type.Object(ConversationCountFilterFields),
        response: { 200: ConversationViewCountsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { view: _view, ...filter } = conversationFilter(app, request, request.query)
      return app.store.conversations.viewCounts(filter)
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
    async (request) => conversationView(app.conversationFor(request, request.params.id), app.clock()),
  )

  app.get(
    '/conversations/:id/messages',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: "A conversation's messages, newest first, in pages going back in time",
        params: IdParams,
        querystring: MessagesQuery,
        response: { 200: MessagePageSchema, ...problemResponses },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.id)
      const { limit, before } = request.query
      const anchor = before === undefined ? undefined : app.store.messages.anchor(before)
      if (before !== undefined && anchor?.conversationId !== conversation.id) {
        throw new HttpError(400, 'Bad Request', `before names no message of this conversation`)
      }
      // Internal notes are in the chat of signed-in staff only (an API token reads what the guest had).
      const items = app.store.messages.pageNewestFirst(conversation.id, limit, anchor, { includeNotes: seesInternalNotes(request) })
      const last = items.at(-1)
      return {
        items: items.map((message) => messageView(message, app.store, conversation)),
        nextCursor: items.length === limit && last ? last.id : null,
      }
    },
  )

  app.post(
    '/conversations/:id/messages',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: "Reply to the guest: stored through the one ingest path and queued for the channel's webhook",
        description:
          'Send `text`, any `content`, or a `templateId` (its variables filled for this guest). On WhatsApp only approved ' +
          'templates may be sent once the 24 h window has closed; on Messenger and Instagram nothing may (409). A phone-call ' +
          "transcript has no reply channel (409). The conversation's `replyPolicy` says what may be sent. The reply's `delivery` says whether it was queued or why it cannot be delivered.",
        params: IdParams,
        body: ReplyBody,
        response: { 201: MessageSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const conversation = app.conversationFor(request, request.params.id)
      // The reply service holds every reply to the policy; asked first, a refused reply is not validated in vain.
      const refuseUnlessAllowed = (kind: ReplyKind) => {
        const refused = app.replies.refusal(conversation, kind)
        if (refused) throw new HttpError(409, 'Conflict', refused.message)
      }
      let content: MessageContent
      let kind: ReplyKind = { template: null }
      if ('templateId' in request.body) {
        const template = app.store.templates.get(request.body.templateId)
        if (!template || template.propertyId !== conversation.propertyId)
          throw new HttpError(400, 'Bad Request', `templateId names no template of this property`)
        kind = { template: { approval: template.approval } }
        refuseUnlessAllowed(kind)
        const filled = fillTemplate(template.body, templateContext(app.store, conversation, request.agent?.name ?? null, { now: app.clock() }))
        if (filled.missing.length) throw new HttpError(400, 'Bad Request', `the template needs values this conversation lacks: ${filled.missing.join(', ')}`)
        content = { type: 'text', text: filled.text }
      } else {
        refuseUnlessAllowed(kind)
        content = 'text' in request.body ? { type: 'text', text: request.body.text } : checkedContent(request.body.content)
      }
      // Sent translated: what staff wrote stays with the message.
      const original =
        'text' in request.body && request.body.original ? { text: request.body.original.text, language: request.body.original.language ?? null } : undefined
      const sent = await app.replies.send(conversation, content, { agentId: request.agent?.id ?? null, ...(original ? { meta: { original } } : {}) }, kind)
      if (!sent.ok) throw invalidInput(sent.problems)
      return reply.code(201).send(messageView(sent.value.message, app.store))
    },
  )

  app.post(
    '/conversations/:id/read',
    {
      // Changes what every colleague sees (the unread count): an action, not a read.
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Mark a conversation read: its unread count drops to zero (an action: needs guest.conversation.write)',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      app.conversations.markRead(app.conversationFor(request, request.params.id))
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/conversations/:id/unread',
    {
      // As reading it: changes what every colleague sees, an action.
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Mark a conversation unread: a read one counts one unread message again (an action: needs guest.conversation.write)',
        description: 'One already unread keeps its count.',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      app.conversations.markUnread(app.conversationFor(request, request.params.id))
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/conversations/:id/guest',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'The guest behind a conversation: profile, reservations (with reservation.read) and every other conversation',
        description:
          "With a guest profile (linked by a reservation) the other conversations are the profile's; without one, those " +
          'from the same phone number or email address.',
        params: IdParams,
        response: { 200: GuestPanelSchema, ...problemResponses },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.id)
      const guest = conversation.guestId ? app.store.guests.get(conversation.guestId) : undefined
      const tokenProperty = request.apiToken?.propertyId
      const related = guest ? app.store.conversations.byGuest(guest.id) : app.store.conversations.withSameIdentity(conversation.id)
      const now = app.clock()
      return {
        profile: guest
          ? {
              id: guest.id,
              firstName: guest.firstName,
              lastName: guest.lastName,
              language: guest.language,
              identities: app.store.guests.identitiesOf(guest.id).map((identity) => ({ type: identity.kind, value: identity.value })),
            }
          : null,
        identity: conversation.identity && { type: conversation.identity.kind, value: conversation.identity.value },
        reservations:
          guest && app.holds(request, 'reservation.read')
            ? app.store.reservations
                .byGuest(guest.id)
                .filter((reservation) => !tokenProperty || reservation.propertyId === tokenProperty)
                .map(reservationView)
            : [],
        otherConversations: related
          .filter((other) => other.id !== conversation.id && (!tokenProperty || other.propertyId === tokenProperty))
          .map((other) => conversationView(other, now)),
      }
    },
  )
}
