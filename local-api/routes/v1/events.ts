import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { ServerResponse } from 'node:http'
import { grants, scopesOfRole } from '../../domain/scopes.js'
import { presentedToken, SESSION_COOKIE } from '../../plugins/auth.js'
import { findApiToken } from '../../services/api-tokens.js'
import type { DomainEvent } from '../../services/event-bus.js'

const HEARTBEAT_MS = 15_000
/** How often an open stream checks that its credential still holds (revoked token, signed out, deactivated). */
export const CREDENTIAL_RECHECK_MS = 2_000

/** Who a stream is for: a property-bound token sees only its property; a notification goes only to its agent. */
interface Audience {
  propertyId: string | null
  agentId: string | null
}

/** Whether `event` may be shown to `audience`. */
export function eventVisibleTo(event: DomainEvent, audience: Audience): boolean {
  // A notification is for one staff member: never for a token, only for that agent's own sessions.
  if (event.type === 'notification.created') return audience.agentId !== null && event.agentId === audience.agentId
  // An internal note is staff's: a token's stream never learns one was written.
  if (event.type === 'message.created' && event.internal) return audience.agentId !== null
  return audience.propertyId === null || event.propertyId === audience.propertyId
}

/** Server-Sent Events: every domain event after its commit, as `event: <type>` + JSON data. */
export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const streams = new Set<ServerResponse>()
  // Open streams would keep close() waiting forever; end them first.
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end()
  })

  /** Whether the credential the stream was opened with still holds its read scope, now. */
  function stillValid(request: FastifyRequest): boolean {
    if (request.apiToken) {
      const secret = presentedToken(request)
      return secret !== undefined && findApiToken(app.store, secret) !== undefined
    }
    const session = request.cookies?.[SESSION_COOKIE]
    const agent = session ? app.agents.agentOfSession(session) : undefined
    return agent !== undefined && agent.id === request.agent?.id && grants(scopesOfRole(agent.role), 'guest.conversation.read')
  }

  app.get(
    '/events',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary:
          'Live domain events (text/event-stream): conversation.created/updated/event, message.created/updated, reservation.upserted, ' +
          "notification.created; each carries its propertyId. A property-bound token gets only its property's events, a notification " +
          'goes only to the signed-in agent it is for, and the stream ends as soon as its credential is revoked or signed out',
        produces: ['text/event-stream'],
      },
    },
    (request, reply) => {
      const audience: Audience = { propertyId: request.apiToken?.propertyId ?? null, agentId: request.agent?.id ?? null }

      reply.hijack()
      const stream = reply.raw
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      })
      stream.write('retry: 2000\n: connected\n\n')
      streams.add(stream)
      let sequence = 0
      let ended = false
      // A revoked credential gets nothing more: checked before every event and every few seconds.
      const endIfRevoked = (): boolean => {
        if (ended) return true
        if (stillValid(request)) return false
        ended = true
        stream.end()
        return true
      }
      const unsubscribe = app.events.subscribe((event) => {
        if (!eventVisibleTo(event, audience) || endIfRevoked()) return
        stream.write(`id: ${++sequence}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`)
      })
      const recheck = setInterval(endIfRevoked, CREDENTIAL_RECHECK_MS)
      const heartbeat = setInterval(() => endIfRevoked() || stream.write(': keep-alive\n\n'), HEARTBEAT_MS)
      stream.on('close', () => {
        ended = true
        clearInterval(recheck)
        clearInterval(heartbeat)
        unsubscribe()
        streams.delete(stream)
      })
    },
  )
}
