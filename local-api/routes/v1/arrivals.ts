import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ArrivalsQuery, ArrivalsSchema } from '../../../api-contract/index.js'
import { HttpError } from '../../../sync-core/http/http-error.js'
import { problemResponses } from './schemas.js'
import { conversationView, reservationView } from './views.js'

/** A day (YYYY-MM-DD) in a time zone: "today" where the hotel is, not where the server is. */
export function localDay(at: number, timeZone: string, offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at + offsetDays * 86_400_000))
}

/** Who arrives today (or tomorrow, or on a day), with what they asked before they walk in. */
export const arrivalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/arrivals',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'Guests arriving on a day, each with their conversations; unanswered and unread first',
        querystring: ArrivalsQuery,
        response: { 200: ArrivalsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const property = request.apiToken?.propertyId
        ? app.store.properties.get(request.apiToken.propertyId)
        : request.query.propertyId
          ? app.store.properties.get(request.query.propertyId)
          : app.store.properties.first()
      if (!property) throw new HttpError(400, 'Bad Request', 'propertyId names no property')
      const asked = request.query.day ?? 'today'
      const now = app.clock()
      const day = asked === 'today' ? localDay(now, property.timeZone) : asked === 'tomorrow' ? localDay(now, property.timeZone, 1) : asked
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)))
        throw new HttpError(400, 'Bad Request', 'day must be today, tomorrow or YYYY-MM-DD')
      const arrivals = app.store.reservations.arriving(property.id, day).map((reservation) => {
        const conversations = app.store.conversations.byGuest(reservation.guestId).filter((c) => c.propertyId === property.id)
        const guest = app.store.guests.get(reservation.guestId)
        return {
          reservation: reservationView(reservation),
          guestName: [guest?.firstName, guest?.lastName].filter(Boolean).join(' ') || null,
          unread: conversations.reduce((sum, c) => sum + c.unreadCount, 0),
          // A guest waiting for an answer (an AI handover notice answers nothing), in a conversation not resolved.
          openQuestions: conversations.filter((c) => c.waitingSince !== null && c.state !== 'resolved').length,
          conversations: conversations.map((c) => conversationView(c, now)),
        }
      })
      arrivals.sort((a, b) => b.openQuestions - a.openQuestions || b.unread - a.unread)
      return { day, arrivals }
    },
  )
}
