import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyError } from 'fastify'
import { Type, type Static } from 'typebox'
import { NonBlankString } from '../../../api-contract/index.js'
import type { Conversation } from '../../db/conversations.js'
import type { Message } from '../../db/messages.js'
import type { Channel } from '../../domain/channels.js'
import type { IdentityKind } from '../../domain/identity.js'
import { contentPreview, type MessageContent } from '../../domain/message-content.js'
import { invalidBatch, notFound } from '../../../sync-core/http/http-error.js'
import { normalizeError } from '../../../sync-core/http/problem-errors.js'
import { deskErrorAnswer } from '../../plugins/desk-errors.js'
import type { IncomingMessage } from '../../services/ingest.js'
import type { Problem } from '../../services/problems.js'
import { Timestamp } from '../v1/schemas.js'

// The vendor's names for our channels and directions; everything else is ours.
const PLATFORM_TO_CHANNEL = { WEBSITE_CHAT: 'web_chat', PHONE_CALL: 'phone' } as const satisfies Record<string, Channel>
const CHANNEL_TO_PLATFORM: Record<Channel, string> = {
  web_chat: 'WEBSITE_CHAT',
  phone: 'PHONE_CALL',
  whatsapp: 'WHATSAPP',
  facebook: 'FACEBOOK',
  instagram: 'INSTAGRAM',
  sms: 'SMS',
  email: 'EMAIL',
  guest_app: 'GUEST_APP',
}
const IDENTIFIER_TYPES = { PHONENUMBER: 'phone', EMAILADDRESS: 'email' } as const
const IDENTIFIER_TYPE_NAMES: Record<IdentityKind, string> = {
  phone: 'PHONENUMBER',
  email: 'EMAILADDRESS',
  onsite_contact: 'ONSITE_CONTACT',
  guest_app: 'GUEST_APP',
}

const PushedMessage = Type.Object({
  guestIdentifier: Type.Object({
    type: Type.Enum(Object.keys(IDENTIFIER_TYPES) as (keyof typeof IDENTIFIER_TYPES)[]),
    value: Type.String({ minLength: 1, maxLength: 254 }),
  }),
  platform: Type.Enum(Object.keys(PLATFORM_TO_CHANNEL) as (keyof typeof PLATFORM_TO_CHANNEL)[]),
  direction: Type.Enum(['RECEIVED', 'SENT'], { description: 'RECEIVED: from the guest; SENT: from the property.' }),
  content: Type.Object({
    type: Type.Enum(['text', 'email']),
    text: Type.Optional(Type.Object({ text: NonBlankString(20_000) })),
    email: Type.Optional(Type.Object({ subject: Type.String({ maxLength: 1_000 }), body: Type.String({ maxLength: 100_000 }) })),
  }),
  messageCreatedAt: Timestamp(),
  externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Idempotency key: a retry with it stores nothing new.' })),
})

const ContentOut = Type.Object({
  type: Type.Enum(['text', 'email']),
  text: Type.Optional(Type.Object({ text: Type.String() })),
  email: Type.Optional(Type.Object({ subject: Type.String(), body: Type.String() })),
})

const MessageOut = Type.Object({
  conversationId: Type.String(),
  messageId: Type.String(),
  direction: Type.Enum(['RECEIVED', 'SENT']),
  status: Type.String(),
  communicationChannel: Type.String(),
  content: ContentOut,
  messageCreatedAt: Type.String({ format: 'date-time' }),
})

const ConversationOut = Type.Object({
  conversationId: Type.String(),
  guestIdentifier: Type.Union([Type.Object({ type: Type.String(), value: Type.String() }), Type.Null()]),
  userProfileId: Type.Union([Type.String(), Type.Null()]),
  communicationChannel: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastMessageAt: Type.String({ format: 'date-time' }),
})

const ErrorOut = Type.Object({
  timestamp: Type.String(),
  status: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  path: Type.String(),
  errors: Type.Optional(Type.Array(Type.Object({ index: Type.Optional(Type.Integer()), field: Type.String(), message: Type.String() }))),
})
const errorResponses = { 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut }

const Id = Type.String({ minLength: 1, maxLength: 100 })

/** This vendor knows text and email; richer messages read as their text. */
function contentOut(content: MessageContent) {
  if (content.type === 'email') return { type: 'email' as const, email: { subject: content.subject, body: content.body } }
  return { type: 'text' as const, text: { text: content.type === 'text' ? content.text : contentPreview(content) } }
}

function messageOut(message: Message, channel: Channel) {
  return {
    conversationId: message.conversationId,
    messageId: message.id,
    direction: message.direction === 'in' ? ('RECEIVED' as const) : ('SENT' as const),
    status: message.status.toUpperCase(),
    communicationChannel: CHANNEL_TO_PLATFORM[channel],
    content: contentOut(message.content),
    messageCreatedAt: new Date(message.createdAt).toISOString(),
  }
}

function conversationOut(conversation: Conversation) {
  const identity = conversation.identity
  return {
    conversationId: conversation.id,
    guestIdentifier: identity && { type: IDENTIFIER_TYPE_NAMES[identity.kind], value: identity.value },
    userProfileId: conversation.guestId,
    communicationChannel: CHANNEL_TO_PLATFORM[conversation.channel],
    createdAt: new Date(conversation.createdAt).toISOString(),
    lastMessageAt: new Date(conversation.lastMessageAt).toISOString(),
  }
}

type Pushed = Static<typeof PushedMessage>

/** The vendor body as our domain's message, or the problems that keep it out. */
function translate(message: Pushed, index: number): IncomingMessage | Problem[] {
  let content: MessageContent | undefined
  if (message.content.type === 'text' && message.content.text) content = { type: 'text', text: message.content.text.text }
  if (message.content.type === 'email' && message.content.email) content = { type: 'email', ...message.content.email }
  if (!content) {
    const part = message.content.type
    return [{ index, field: `content.${part}`, message: `is required when content.type is ${part}` }]
  }
  return {
    channel: PLATFORM_TO_CHANNEL[message.platform],
    identity: { kind: IDENTIFIER_TYPES[message.guestIdentifier.type], value: message.guestIdentifier.value },
    direction: message.direction === 'RECEIVED' ? 'in' : 'out',
    content,
    createdAt: Date.parse(message.messageCreatedAt),
    externalId: message.externalId,
  }
}

const DOMAIN_FIELD_NAMES: Record<string, string> = { identity: 'guestIdentifier.value', createdAt: 'messageCreatedAt' }
const vendorFieldName = (problem: Problem) => DOMAIN_FIELD_NAMES[problem.field] ?? problem.field

/** Dialect 1: the unified messaging push and its reads, LIKE MAGIC style. */
export const unifiedMessagingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // This vendor's error body: Spring Boot's, with a per-index list of problems.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const normalized = normalizeError(error, request, deskErrorAnswer)
    const errors = error.validation
      ? normalized.errors?.map((problem) => {
          const match = /^messages\.(\d+)\.?(.*)$/.exec(problem.field)
          return match ? { index: Number(match[1]), field: match[2] || 'message', message: problem.message } : problem
        })
      : normalized.errors
    return reply.code(normalized.status).send({
      timestamp: new Date().toISOString(),
      status: normalized.status,
      error: normalized.title,
      message: error.validation ? 'the request is invalid; nothing was stored' : normalized.detail,
      path: request.url.split('?')[0],
      ...(errors ? { errors } : {}),
    })
  })

  app.post(
    '/guest-conversations/messages',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['unified-messaging'],
        summary: 'Push 1–100 guest messages atomically; one conversation per guest identifier and platform',
        body: Type.Object({ messages: Type.Array(PushedMessage, { minItems: 1, maxItems: 100 }) }),
        response: { 201: Type.Array(MessageOut), ...errorResponses },
      },
    },
    async (request, reply) => {
      const translated = request.body.messages.map(translate)
      const problems = translated.filter((item): item is Problem[] => Array.isArray(item)).flat()
      if (problems.length) throw invalidBatch(problems, vendorFieldName)
      const batch = translated as IncomingMessage[]
      const property = app.propertyFor(request)
      const outcome = await app.ingest.submit(property, batch)
      if (!outcome.ok) throw invalidBatch(outcome.problems, vendorFieldName)
      const body = outcome.value.map((result, index) => {
        // An idempotent retry answers with what was stored first, not with the retry's body.
        if (!result.created) {
          const stored = app.store.messages.get(result.messageId)!
          return { ...messageOut(stored, app.store.conversations.get(stored.conversationId)!.channel), status: 'DELIVERED' }
        }
        const message = batch[index]!
        return {
          conversationId: result.conversationId,
          messageId: result.messageId,
          direction: message.direction === 'in' ? ('RECEIVED' as const) : ('SENT' as const),
          status: 'DELIVERED',
          communicationChannel: CHANNEL_TO_PLATFORM[message.channel],
          content: contentOut(message.content),
          messageCreatedAt: new Date(message.createdAt).toISOString(),
        }
      })
      return reply.code(201).send(body)
    },
  )

  app.get(
    '/guest-conversations/messages/:messageId',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['unified-messaging'],
        summary: 'One message',
        params: Type.Object({ messageId: Id }),
        response: { 200: MessageOut, ...errorResponses },
      },
    },
    async (request) => {
      const message = app.store.messages.get(request.params.messageId)
      // An internal note is staff's: to an integrator it does not exist.
      if (!message || message.internal) throw notFound('message', request.params.messageId)
      const conversation = app.conversationFor(request, message.conversationId)
      return messageOut(message, conversation.channel)
    },
  )

  app.get(
    '/guest-conversations/by-user-profile-id/:userProfileId',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['unified-messaging'],
        summary: 'Every conversation linked to a guest profile (from a reservation)',
        params: Type.Object({ userProfileId: Id }),
        response: { 200: Type.Array(ConversationOut), ...errorResponses },
      },
    },
    async (request) => {
      const { userProfileId } = request.params
      if (!app.store.guests.get(userProfileId)) throw notFound('guest profile', userProfileId)
      const tokenProperty = request.apiToken?.propertyId
      return app.store.conversations
        .byGuest(userProfileId)
        .filter((conversation) => !tokenProperty || conversation.propertyId === tokenProperty)
        .map(conversationOut)
    },
  )

  app.get(
    '/guest-conversations/:conversationId',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['unified-messaging'],
        summary: 'One conversation',
        params: Type.Object({ conversationId: Id }),
        response: { 200: ConversationOut, ...errorResponses },
      },
    },
    async (request) => conversationOut(app.conversationFor(request, request.params.conversationId)),
  )

  app.get(
    '/guest-conversations/:conversationId/messages',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['unified-messaging'],
        summary: "A page of a conversation's messages, oldest first",
        params: Type.Object({ conversationId: Id }),
        querystring: Type.Object({
          page: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          size: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        }),
        response: {
          200: Type.Object({
            content: Type.Array(MessageOut),
            page: Type.Integer(),
            size: Type.Integer(),
            totalElements: Type.Integer(),
            totalPages: Type.Integer(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.conversationId)
      const { page, size } = request.query
      const totalElements = app.store.messages.count(conversation.id)
      const content = app.store.messages.pageOldestFirst(conversation.id, size, page * size).map((message) => messageOut(message, conversation.channel))
      return { content, page, size, totalElements, totalPages: Math.ceil(totalElements / size) }
    },
  )
}
