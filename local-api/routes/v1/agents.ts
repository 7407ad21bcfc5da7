import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AgentChangesBody, AgentSchema, AgentWithSignInSchema, NewAgentBody } from '../../../api-contract/index.js'
import type { Agent } from '../../db/agents.js'
import { invalidInput, notFound } from '../../../sync-core/http/http-error.js'
import { IdParams, problemResponses } from './schemas.js'
import { agentView } from './views.js'
import { deskWideOnly } from './property-scope.js'

/** Staff who sign in to the inbox; only admins manage them. */
export const agentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** The agents with their sign-in state, as admins see them. */
  function withSignIn(agents: Agent[]) {
    const states = app.signInThrottle.stateOf(agents.map((agent) => agent.email))
    return agents.map((agent) => {
      const state = states.get(agent.email)
      return {
        ...agentView(agent),
        failedSignIns: state?.failedSignIns ?? 0,
        lockedUntil: state?.lockedUntil ? new Date(state.lockedUntil).toISOString() : null,
      }
    })
  }

  app.get(
    '/agents',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'Every agent (staff member) of this desk; admins also see failed sign-ins and lockouts',
        response: { 200: Type.Array(AgentWithSignInSchema), ...problemResponses },
      },
    },
    async (request) => {
      const agents = app.store.agents.list()
      return app.holds(request, 'admin') ? withSignIn(agents) : agents.map(agentView)
    },
  )

  app.post(
    '/agents/:id/unlock',
    {
      // Staff sign in on every property: a token bound to one may not make or change them.
      onRequest: deskWideOnly(app, "change the desk's staff"),
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: "Lift an agent's sign-in lockout and forget its failed sign-ins (admin)",
        params: IdParams,
        response: { 200: AgentWithSignInSchema, ...problemResponses },
      },
    },
    async (request) => {
      const agent = app.store.agents.get(request.params.id)
      if (!agent) throw notFound('agent', request.params.id)
      app.signInThrottle.unlock(agent.email)
      return withSignIn([agent])[0]!
    },
  )

  app.post(
    '/agents',
    {
      // Staff sign in on every property: a token bound to one may not make or change them.
      onRequest: deskWideOnly(app, "change the desk's staff"),
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Add an agent (admin; not a property-bound token)',
        body: NewAgentBody,
        response: { 201: AgentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await app.agents.create(request.body)
      if (!created.ok) throw invalidInput(created.problems)
      return reply.code(201).send(agentView(created.value))
    },
  )

  app.patch(
    '/agents/:id',
    {
      // Staff sign in on every property: a token bound to one may not make or change them.
      onRequest: deskWideOnly(app, "change the desk's staff"),
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Rename, change the role of, deactivate or reactivate an agent, or set a new password (admin; not a property-bound token)',
        params: IdParams,
        body: AgentChangesBody,
        response: { 200: AgentSchema, ...problemResponses },
      },
    },
    async (request) => {
      const updated = await app.agents.update(request.params.id, request.body)
      if (!updated) throw notFound('agent', request.params.id)
      if (!updated.ok) throw invalidInput(updated.problems)
      return agentView(updated.value)
    },
  )
}
