import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { LEAD_STATUSES, type Lead } from '../../db/leads.js'
import type { Store } from '../../db/store.js'
import { notFound } from '../../../sync-core/http/http-error.js'
import { IdParams, IsoDateTime, problemResponses } from './schemas.js'

export const LeadSchema = Type.Object({
  id: Type.String(),
  conversationId: Type.String(),
  guestId: Type.Union([Type.String(), Type.Null()]),
  guestName: Type.Union([Type.String(), Type.Null()]),
  channel: Type.String(),
  status: Type.Enum([...LEAD_STATUSES], { description: 'new → contacted → follow_up → converted / lost' }),
  notes: Type.String(),
  reservationId: Type.Union([Type.String(), Type.Null()], { description: 'The reservation that converted it.' }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})

export function leadView(lead: Lead, store: Store) {
  const conversation = store.conversations.get(lead.conversationId)!
  return {
    id: lead.id,
    conversationId: lead.conversationId,
    guestId: conversation.guestId ?? lead.guestId,
    guestName: conversation.guestName ?? conversation.identity?.value ?? null,
    channel: conversation.channel,
    status: lead.status,
    notes: lead.notes,
    reservationId: lead.reservationId,
    createdAt: new Date(lead.createdAt).toISOString(),
    updatedAt: new Date(lead.updatedAt).toISOString(),
  }
}

/** Leads captured from conversations, and their pipeline. */
export const leadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/leads',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'Leads, most recently changed first',
        querystring: Type.Object({ status: Type.Optional(Type.Enum([...LEAD_STATUSES])), limit: Type.Integer({ minimum: 1, maximum: 500, default: 200 }) }),
        response: { 200: Type.Array(LeadSchema), ...problemResponses },
      },
    },
    async (request) =>
      app.store.leads.list({ status: request.query.status, propertyId: request.apiToken?.propertyId ?? undefined, limit: request.query.limit }).map((lead) => leadView(lead, app.store)),
  )

  app.patch(
    '/leads/:id',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Move a lead along its pipeline, or edit its notes',
        params: IdParams,
        body: Type.Object(
          { status: Type.Optional(Type.Enum([...LEAD_STATUSES])), notes: Type.Optional(Type.String({ maxLength: 10_000 })) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: LeadSchema, ...problemResponses },
      },
    },
    async (request) => {
      const lead = app.store.leads.get(request.params.id)
      const conversation = lead && app.conversationFor(request, lead.conversationId)
      if (!lead || !conversation) throw notFound('lead', request.params.id)
      const updated = app.leads.update(lead, request.body, request.agent ? { agentId: request.agent.id } : 'system')
      return leadView(updated, app.store)
    },
  )
}
