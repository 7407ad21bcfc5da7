import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { AssigneeBody, ConversationEventSchema, LeadSchema, ModeBody, ModeChangeSchema } from '../../../api-contract/index.js'
import { HttpError } from '../../../sync-core/http/http-error.js'
import type { Actor } from '../../services/conversations.js'
import { IdParams, problemResponses } from './schemas.js'
import { leadView } from './leads.js'

/** Who is acting: the signed-in agent, else (an API token) the desk itself. */
const actorOf = (request: FastifyRequest): Actor => (request.agent ? { agentId: request.agent.id } : 'system')

/** Taking over from the AI agent, assigning, capturing a lead, and the timeline these leave. */
export const conversationWorkflowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/conversations/:id/mode',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Switch between the AI agent and staff ("human" counts as a human transfer)',
        params: IdParams,
        body: ModeBody,
        response: { 200: ModeChangeSchema, ...problemResponses },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.id)
      const changed = app.conversations.setMode(conversation, request.body.mode, actorOf(request))
      return { mode: request.body.mode, changed }
    },
  )

  app.put(
    '/conversations/:id/assignee',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Assign the conversation to an agent (who is notified), or to nobody',
        params: IdParams,
        body: AssigneeBody,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const conversation = app.conversationFor(request, request.params.id)
      const { agentId } = request.body
      if (agentId !== null) {
        const agent = app.store.agents.get(agentId)
        if (!agent || !agent.active) throw new HttpError(400, 'Bad Request', `agentId names no active agent (${agentId})`)
      }
      app.conversations.assign(conversation, agentId, actorOf(request))
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/conversations/:id/events',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: "The conversation's timeline besides its messages: takeovers, handovers, assignments, lead changes",
        params: IdParams,
        response: { 200: Type.Array(ConversationEventSchema), ...problemResponses },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.id)
      return app.store.conversationEvents.ofConversation(conversation.id).map((event) => ({
        id: event.id,
        type: event.type,
        agent: event.agentId ? { id: event.agentId, name: event.agentName ?? '' } : null,
        data: event.data,
        createdAt: new Date(event.createdAt).toISOString(),
      }))
    },
  )

  app.post(
    '/conversations/:id/lead',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Mark the conversation as a lead (once; the existing lead otherwise)',
        params: IdParams,
        response: { 201: LeadSchema, 200: LeadSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { lead, created } = app.leads.capture(app.conversationFor(request, request.params.id), actorOf(request))
      return reply.code(created ? 201 : 200).send(leadView(lead, app.store))
    },
  )
}
