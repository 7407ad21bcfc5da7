import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { MIN_PASSWORD_LENGTH } from '../../domain/passwords.js'
import { invalidInput, notFound } from '../../plugins/http-error.js'
import { AgentSchema, IdParams, problemResponses } from './schemas.js'
import { agentView } from './views.js'

const Role = Type.Enum(['agent', 'admin'])
const Password = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1000 })


/** Staff who sign in to the inbox; only admins manage them. */
export const agentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/agents',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: { tags: ['native'], summary: 'Every agent (staff member) of this desk', response: { 200: Type.Array(AgentSchema), ...problemResponses } },
    },
    async () => app.store.agents.list().map(agentView),
  )

  app.post(
    '/agents',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Add an agent (admin)',
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 200 }), email: Type.String({ minLength: 3, maxLength: 320 }), password: Password, role: Role },
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
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Rename, change the role of, deactivate or reactivate an agent, or set a new password (admin)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
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
