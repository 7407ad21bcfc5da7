import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { NotificationsSchema } from '../../../api-contract/index.js'
import { HttpError } from '../../../sync-core/http/http-error.js'
import { problemResponses } from './schemas.js'

/** The signed-in agent's notification centre. */
export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const agentOf = (agent: { id: string } | null) => {
    if (!agent) throw new HttpError(400, 'Bad Request', 'notifications belong to a signed-in agent, not to an API token')
    return agent.id
  }

  app.get(
    '/notifications',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: "The signed-in agent's notifications, newest first, and how many are unread",
        response: { 200: NotificationsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const agentId = agentOf(request.agent)
      return {
        unread: app.store.notifications.unreadCount(agentId),
        items: app.store.notifications.ofAgent(agentId).map((n) => ({
          id: n.id,
          kind: n.kind,
          conversationId: n.conversationId,
          text: n.text,
          createdAt: new Date(n.createdAt).toISOString(),
          read: n.readAt !== null,
        })),
      }
    },
  )

  app.post(
    '/notifications/read',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: { tags: ['native'], summary: "Mark all of the signed-in agent's notifications read", response: { 204: Type.Null(), ...problemResponses } },
    },
    async (request, reply) => {
      app.store.notifications.markAllRead(agentOf(request.agent), app.clock())
      return reply.code(204).send(null)
    },
  )
}
