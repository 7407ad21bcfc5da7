import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { LeadChangesBody, LeadSchema, LeadsQuery } from '../../../api-contract/index.js'
import type { Lead } from '../../db/leads.js'
import type { Store } from '../../db/store.js'
import { notFound } from '../../../sync-core/http/http-error.js'
import { IdParams, problemResponses } from './schemas.js'

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
        querystring: LeadsQuery,
        response: { 200: Type.Array(LeadSchema), ...problemResponses },
      },
    },
    async (request) =>
      app.store.leads
        .list({ status: request.query.status, propertyId: request.apiToken?.propertyId ?? undefined, limit: request.query.limit })
        .map((lead) => leadView(lead, app.store)),
  )

  app.patch(
    '/leads/:id',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Move a lead along its pipeline, or edit its notes',
        params: IdParams,
        body: LeadChangesBody,
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
