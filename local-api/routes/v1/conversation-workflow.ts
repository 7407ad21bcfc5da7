import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { AssigneeBody, ConversationEventSchema, ConversationSchema, LeadSchema, ModeBody, ModeChangeSchema, SnoozeBody } from '../../../api-contract/index.js'
import { HttpError } from '../../../sync-core/http/http-error.js'
import type { Actor } from '../../services/conversations.js'
import { IdParams, problemResponses } from './schemas.js'
import { leadView } from './leads.js'
import { conversationView } from './views.js'

/** Who is acting: the signed-in agent, else (an API token) the desk itself. */
const actorOf = (request: FastifyRequest): Actor => (request.agent ? { agentId: request.agent.id } : 'system')

/** Taking over from the AI agent, assigning, resolving and snoozing, capturing a lead, and the timeline these leave. */
export const conversationWorkflowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** The conversation as it is after a change. */
  const current = (id: string) => conversationView(app.store.conversations.get(id)!, app.clock())

  app.post(
    '/conversations/:id/resolve',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Resolve the conversation: done, until the guest writes again (which opens it)',
        description: 'Resolving a resolved conversation changes nothing. Returns the conversation.',
        params: IdParams,
        response: { 200: ConversationSchema, ...problemResponses },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.id)
      app.conversations.resolve(conversation, actorOf(request))
      return current(conversation.id)
    },
  )

  app.post(
    '/conversations/:id/snooze',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Snooze the conversation until a time, or until the guest writes (until: null)',
        description:
          'It opens again when `until` comes (its assignee is notified) or when the guest writes, whichever is first. `until` must be in ' +
          'the future (400). Returns the conversation.',
        params: IdParams,
        body: SnoozeBody,
        response: { 200: ConversationSchema, ...problemResponses },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.id)
      const { until } = request.body
      const ms = until === null ? null : Date.parse(until)
      if (ms !== null && Number.isNaN(ms)) throw new HttpError(400, 'Bad Request', 'until is not a valid date-time')
      const snoozed = app.conversations.snooze(conversation, ms, actorOf(request))
      if (!snoozed.ok) throw new HttpError(400, 'Bad Request', snoozed.problem)
      return current(conversation.id)
    },
  )

  app.post(
    '/conversations/:id/reopen',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Open a snoozed or resolved conversation again',
        description: 'Reopening an open conversation changes nothing. Returns the conversation.',
        params: IdParams,
        response: { 200: ConversationSchema, ...problemResponses },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.id)
      app.conversations.reopen(conversation, actorOf(request))
      return current(conversation.id)
    },
  )

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
