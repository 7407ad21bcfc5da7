import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyError, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { NonBlankString } from '../../../api-contract/index.js'
import { contentText } from '../../domain/message-content.js'
import { conversationStatus } from '../../domain/session-window.js'
import { HttpError, invalidInput } from '../../../sync-core/http/http-error.js'
import { normalizeError } from '../../../sync-core/http/problem-errors.js'
import { deskErrorAnswer } from '../../plugins/desk-errors.js'

const RESPONSE = 'createConversationResponse' as const

const Body = Type.Object({
  message: NonBlankString(5000),
  conversationType: Type.Optional(Type.Enum(['', 'guest'], { description: '"guest": the guest writes; "": staff start the conversation.' })),
  outletCode: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()], { description: "Empty: the property's first available outlet." })),
  orderCode: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  sessionToken: Type.String({ description: 'A guest session token (POST /v1/reservations/{id}/guest-sessions).' }),
})

const MessageOut = Type.Object({
  createDate: Type.String({ format: 'date-time' }),
  code: Type.String(),
  isRead: Type.Boolean(),
  serviceCenterName: Type.String(),
  messageType: Type.String(),
  content: Type.String(),
  firstName: Type.Union([Type.String(), Type.Null()]),
  lastName: Type.Union([Type.String(), Type.Null()]),
  languageCode: Type.Union([Type.String(), Type.Null()]),
  isTranslated: Type.Boolean(),
  conversationId: Type.String(),
})

const ConversationOut = Type.Object({
  code: Type.String(),
  subject: Type.String(),
  outletCode: Type.String(),
  orderCode: Type.Union([Type.String(), Type.Null()]),
  outletName: Type.String(),
  propertyCode: Type.String(),
  roomNumber: Type.Union([Type.String(), Type.Null()]),
  guestFirstName: Type.Union([Type.String(), Type.Null()]),
  guestLastName: Type.Union([Type.String(), Type.Null()]),
  guestLanguageCode: Type.Union([Type.String(), Type.Null()]),
  conversationStatus: Type.Enum(['Open', 'Closed']),
  conversationType: Type.String(),
  messages: Type.Array(MessageOut),
})

const Container = Type.Object({
  sessionToken: Type.Union([Type.String(), Type.Null()]),
  responsesIncluded: Type.Literal(RESPONSE),
  responses: Type.Array(
    Type.Object({
      [RESPONSE]: Type.Object({
        content: Type.Union([Type.Object({ conversation: ConversationOut }), Type.Null()]),
        succeeded: Type.Boolean(),
        errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
      }),
    }),
  ),
  status: Type.Enum(['Success', 'Error']),
  message: Type.Optional(Type.String()),
})

/** This vendor's failure: the same container, no content, `status: "Error"`. */
function failure(message: string, errors?: { field: string; message: string }[], sessionToken: string | null = null) {
  return {
    sessionToken,
    responsesIncluded: RESPONSE,
    responses: [{ [RESPONSE]: { content: null, succeeded: false, ...(errors ? { errors } : {}) } }],
    status: 'Error' as const,
    message,
  }
}

/** Dialect 3: a guest-app conversation, created for the reservation of a guest session token. */
export const interactiveRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // A request refused for what it asks, once its session was recognised, gets its token back.
  const liveSessionOf = new WeakMap<FastifyRequest, string>()
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const normalized = normalizeError(error, request, deskErrorAnswer)
    const sessionToken = normalized.status < 500 ? (liveSessionOf.get(request) ?? null) : null
    return reply.code(normalized.status).send(
      failure(
        normalized.detail,
        normalized.errors?.map(({ field, message }) => ({ field, message })),
        sessionToken,
      ),
    )
  })

  app.post(
    '/Conversations',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['interactive'],
        summary: 'A guest-app conversation with an outlet (department), for the reservation of a guest session',
        security: [],
        body: Body,
        response: { 200: Container, 400: Container, 401: Container, 404: Container },
      },
    },
    async (request) => {
      const { sessionToken, message, conversationType = '', outletCode, orderCode } = request.body
      const reservation = app.guestSessions.reservationOf(sessionToken)
      if (!reservation) {
        throw new HttpError(401, 'Unauthorized', 'the sessionToken is not a live guest session (POST /v1/reservations/{id}/guest-sessions issues one)')
      }
      liveSessionOf.set(request, sessionToken)
      const posted = await app.guestAppConversations.post({
        reservation,
        text: message,
        fromGuest: conversationType === 'guest',
        outletCode: outletCode || null,
        orderCode: orderCode || null,
      })
      if (!posted.ok) throw invalidInput(posted.problems)

      const { conversationId, outlet } = posted.value
      const conversation = app.store.conversations.get(conversationId)!
      const guest = app.store.guests.get(reservation.guestId)
      const messages = app.store.messages.pageOldestFirst(conversationId, 500, 0).map((stored) => {
        const byGuest = stored.direction === 'in'
        return {
          createDate: new Date(stored.createdAt).toISOString(),
          code: stored.id,
          isRead: !byGuest || conversation.unreadCount === 0,
          serviceCenterName: outlet.name,
          messageType: 'Text',
          content: contentText(stored.content),
          firstName: byGuest ? (guest?.firstName ?? null) : (stored.senderAgent?.name ?? outlet.name),
          lastName: byGuest ? (guest?.lastName ?? null) : null,
          languageCode: byGuest ? (guest?.language ?? null) : null,
          isTranslated: false,
          conversationId,
        }
      })
      return {
        sessionToken,
        responsesIncluded: RESPONSE,
        responses: [
          {
            [RESPONSE]: {
              content: {
                conversation: {
                  code: conversationId,
                  subject: conversation.orderCode ? `${outlet.name} · ${conversation.orderCode}` : outlet.name,
                  outletCode: outlet.code,
                  orderCode: conversation.orderCode,
                  outletName: outlet.name,
                  propertyCode: reservation.propertyId,
                  roomNumber: reservation.room,
                  guestFirstName: guest?.firstName ?? reservation.firstName,
                  guestLastName: guest?.lastName ?? reservation.lastName,
                  guestLanguageCode: guest?.language ?? reservation.language,
                  conversationStatus: conversationStatus(conversation.lastGuestMessageAt, app.clock()) === 'active' ? ('Open' as const) : ('Closed' as const),
                  conversationType,
                  messages,
                },
              },
              succeeded: true,
            },
          },
        ],
        status: 'Success' as const,
      }
    },
  )
}
