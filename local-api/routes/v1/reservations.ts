import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Name, ReservationSchema } from '../../../api-contract/index.js'
import { RESERVATION_STATUSES } from '../../db/reservations.js'
import { HttpError, invalidInput, notFound } from '../../../sync-core/http/http-error.js'
import { Day, IdParams, problemResponses } from './schemas.js'
import { reservationView } from './views.js'

const OptionalText = (maxLength: number) => Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()]))
/** A guest's first or last name: null when the PMS has none, never blank; trimmed. */
const OptionalName = (maxLength: number) => Type.Optional(Type.Union([Name(maxLength), Type.Null()]))

const ReservationBody = Type.Object(
  {
    confirmationNumber: Name(100, { description: "The PMS's booking reference; leading and trailing spaces are removed." }),
    propertyId: Type.Optional(Type.String({ description: "Defaults to the token's property, else the first one." })),
    guest: Type.Object(
      {
        firstName: OptionalName(200),
        lastName: OptionalName(200),
        phone: OptionalText(40),
        email: OptionalText(254),
        language: OptionalText(35),
      },
      { additionalProperties: false },
    ),
    arrival: Day(),
    departure: Day(),
    room: OptionalText(50),
    status: Type.Enum([...RESERVATION_STATUSES], { default: 'confirmed' }),
  },
  { additionalProperties: false },
)

export const reservationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/reservations',
    {
      preHandler: app.requireScope('reservation.write'),
      schema: {
        tags: ['native'],
        summary: "Create or update a reservation (upsert by confirmation number); links the guest's conversations",
        body: ReservationBody,
        response: {
          200: Type.Object({ reservation: ReservationSchema, linkedConversationIds: Type.Array(Type.String()) }),
          201: Type.Object({ reservation: ReservationSchema, linkedConversationIds: Type.Array(Type.String()) }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const body = request.body
      const tokenProperty = request.apiToken?.propertyId
      if (tokenProperty && body.propertyId && body.propertyId !== tokenProperty) {
        throw new HttpError(403, 'Forbidden', 'this token is limited to another property')
      }
      const property = body.propertyId ? app.store.properties.get(body.propertyId) : app.propertyFor(request)
      if (!property) throw new HttpError(400, 'Bad Request', `no property has the id ${body.propertyId}`)
      const outcome = app.reservations.upsert(property, {
        confirmationNumber: body.confirmationNumber,
        ...body.guest,
        arrival: body.arrival,
        departure: body.departure,
        room: body.room,
        status: body.status,
      })
      if (!outcome.ok)
        throw invalidInput(outcome.problems, (p) => (['arrival', 'departure', 'confirmationNumber'].includes(p.field) ? p.field : `guest.${p.field}`))
      const { reservation, created, linkedConversationIds } = outcome.value
      return reply.code(created ? 201 : 200).send({ reservation: reservationView(reservation), linkedConversationIds })
    },
  )

  app.get(
    '/reservations/:id',
    {
      preHandler: app.requireScope('reservation.read'),
      schema: { tags: ['native'], summary: 'One reservation', params: IdParams, response: { 200: ReservationSchema, ...problemResponses } },
    },
    async (request) => {
      const reservation = app.store.reservations.get(request.params.id)
      const tokenProperty = request.apiToken?.propertyId
      if (!reservation || (tokenProperty && reservation.propertyId !== tokenProperty)) {
        throw notFound('reservation', request.params.id)
      }
      return reservationView(reservation)
    },
  )

  app.post(
    '/reservations/:id/guest-sessions',
    {
      preHandler: app.requireScope('reservation.write'),
      schema: {
        tags: ['native'],
        summary: 'Issue a guest-app session token for a reservation (shown once)',
        description: "The guest app sends it as `sessionToken` to the Interactive dialect; conversations then carry the guest's name, language and room.",
        params: IdParams,
        response: {
          201: Type.Object({ token: Type.String(), reservationId: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const reservation = app.store.reservations.get(request.params.id)
      const tokenProperty = request.apiToken?.propertyId
      if (!reservation || (tokenProperty && reservation.propertyId !== tokenProperty)) throw notFound('reservation', request.params.id)
      const { token, expiresAt } = app.guestSessions.issue(reservation)
      return reply.code(201).send({ token, reservationId: reservation.id, expiresAt: new Date(expiresAt).toISOString() })
    },
  )
}
