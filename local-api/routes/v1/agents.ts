import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { MIN_PASSWORD_LENGTH } from '../../domain/password-policy.js'
import type { Agent } from '../../db/agents.js'
import { invalidInput, notFound } from '../../../sync-core/http/http-error.js'
import { AgentSchema, IdParams, IsoDateTime, Name, Nullable, problemResponses } from './schemas.js'
import { agentView } from './views.js'
import { deskWideOnly } from './property-scope.js'

const Role = Type.Enum(['agent', 'admin'])
const Password = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1000 })


/** An agent as admins see it: with its failed sign-ins and lockout (others get neither field). */
export const AgentWithSignInSchema = Type.Object({
  ...AgentSchema.properties,
  failedSignIns: Type.Optional(Type.Integer({ minimum: 0, description: 'Failed sign-ins in the last 15 minutes (admins only).' })),
  lockedUntil: Type.Optional(Nullable(IsoDateTime)),
})

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
      onRequest: deskWideOnly(app, 'change the desk\'s staff'),
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Lift an agent\'s sign-in lockout and forget its failed sign-ins (admin)',
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
      onRequest: deskWideOnly(app, 'change the desk\'s staff'),
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Add an agent (admin; not a property-bound token)',
        body: Type.Object(
          { name: Name(200), email: Type.String({ minLength: 3, maxLength: 320 }), password: Password, role: Role },
          { additionalProperties: false },
        ),
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
      onRequest: deskWideOnly(app, 'change the desk\'s staff'),
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Rename, change the role of, deactivate or reactivate an agent, or set a new password (admin; not a property-bound token)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Name(200)),
            role: Type.Optional(Role),
            active: Type.Optional(Type.Boolean()),
            password: Type.Optional(Password),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
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
