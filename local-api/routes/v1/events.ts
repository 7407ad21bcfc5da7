import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { ServerResponse } from 'node:http'
import type { DomainEvent } from '../../services/event-bus.js'

const HEARTBEAT_MS = 15_000

/** Server-Sent Events: every domain event after its commit, as `event: <type>` + JSON data. */
export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const streams = new Set<ServerResponse>()
  // Open streams would keep close() waiting forever; end them first.
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end()
  })

  app.get(
    '/events',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'Live domain events (text/event-stream): conversation.created, conversation.updated, message.created, reservation.upserted',
        produces: ['text/event-stream'],
      },
    },
    (request, reply) => {
      const tokenProperty = request.apiToken?.propertyId
      const visible = (event: DomainEvent) =>
        !tokenProperty || !('propertyId' in event) || event.propertyId === tokenProperty

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
      const unsubscribe = app.events.subscribe((event) => {
        if (visible(event)) stream.write(`id: ${++sequence}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`)
      })
      const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), HEARTBEAT_MS)
      stream.on('close', () => {
        clearInterval(heartbeat)
        unsubscribe()
        streams.delete(stream)
      })
    },
  )
}
