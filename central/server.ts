// The central sync server over HTTP: desks say hello, push their ops, pull each space's ops (or a
// snapshot when too far behind), and keep an event stream open to hear when to pull.
import rateLimit from '@fastify/rate-limit'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify'
import type { ServerResponse } from 'node:http'
import { Type } from 'typebox'
import { ClientIdSchema, PushRequestSchema, SYNC_SCHEMA_VERSION } from '../sync-core/protocol.js'
import { HttpError } from '../sync-core/http/http-error.js'
import { useProblemErrors } from '../sync-core/http/problem-errors.js'
import { installValidators } from '../sync-core/http/validation.js'
import type { CentralStore, Device } from './store/central-store.js'
import { BadCursor, ClientIdTaken, createSyncService, SpaceForbidden } from './sync-service.js'

const HEARTBEAT_MS = 15_000

export interface CentralConfig {
  store: CentralStore
  clock?: () => number
  /** Ops older than this are pruned (desks further behind take a snapshot); default 90 days. */
  retentionMs?: number
  logger?: boolean
  /**
   * Requests per minute from one address (default 6000). Each desk comes from its own address; a
   * benchmark playing many desks from 127.0.0.1 raises it.
   */
  rateLimitPerMinute?: number
}

export async function buildCentralServer(config: CentralConfig) {
  const app = Fastify({ logger: config.logger ?? false, bodyLimit: 16 * 1024 * 1024 }).withTypeProvider<TypeBoxTypeProvider>()
  installValidators(app)
  useProblemErrors(app)
  const sync = createSyncService(config.store, config.clock)
  app.decorate('centralSync', sync)
  await app.register(rateLimit, { max: config.rateLimitPerMinute ?? 6000, timeWindow: '1 minute' })

  const retentionMs = config.retentionMs ?? 90 * 24 * 3600_000
  const retention = setInterval(() => void sync.applyRetention(retentionMs).catch((error) => app.log.error(error)), 3600_000)
  retention.unref()

  const streams = new Set<ServerResponse>()
  app.addHook('preClose', async () => {
    clearInterval(retention)
    for (const stream of streams) stream.end()
  })
  app.addHook('onClose', async () => config.store.close())

  async function deviceOf(request: FastifyRequest): Promise<Device> {
    const header = request.headers.authorization
    const credential = header?.startsWith('Bearer ') ? header.slice(7) : undefined
    const device = await sync.authenticate(credential)
    if (!device) throw new HttpError(401, 'Unauthorized', 'a valid, unrevoked device credential is required (Authorization: Bearer fdd_…)')
    return device
  }
  const known = (error: unknown) => {
    if (error instanceof SpaceForbidden || error instanceof ClientIdTaken) return new HttpError(403, 'Forbidden', error.message)
    if (error instanceof BadCursor) return new HttpError(400, 'Bad Request', error.message)
    return error
  }

  app.get('/health', async () => ({ status: 'ok', store: config.store.kind, schemaVersion: SYNC_SCHEMA_VERSION }))

  app.post('/sync/v1/hello', { schema: { body: Type.Object({ clientId: ClientIdSchema, schemaVersion: Type.Integer({ minimum: 1 }) }) } }, async (request) =>
    sync.hello(await deviceOf(request), request.body.clientId).catch((error) => Promise.reject(known(error))),
  )

  app.post('/sync/v1/push', { schema: { body: PushRequestSchema } }, async (request, reply) => {
    const result = await sync.push(await deviceOf(request), request.body).catch((error) => Promise.reject(known(error)))
    return 'error' in result ? reply.code(409).send(result) : result
  })

  const Space = Type.String({ minLength: 1, maxLength: 200 })
  app.get(
    '/sync/v1/pull',
    {
      schema: {
        querystring: Type.Object({ space: Space, after: Type.Integer({ minimum: 0 }), limit: Type.Integer({ minimum: 1, maximum: 5000, default: 1000 }) }),
      },
    },
    async (request) => {
      const { space, after, limit } = request.query
      return sync.pull(await deviceOf(request), space, after, limit).catch((error) => Promise.reject(known(error)))
    },
  )

  app.get(
    '/sync/v1/snapshot',
    {
      schema: {
        querystring: Type.Object({
          space: Space,
          cursor: Type.Optional(Type.String({ maxLength: 2000 })),
          limit: Type.Integer({ minimum: 1, maximum: 5000, default: 1000 }),
        }),
      },
    },
    async (request) => {
      const { space, cursor, limit } = request.query
      return sync.snapshot(await deviceOf(request), space, cursor ?? null, limit).catch((error) => Promise.reject(known(error)))
    },
  )

  /** `event: poke` with the space whenever another device pushed new ops to one of the device's spaces. */
  app.get('/sync/v1/events', async (request: FastifyRequest, reply: FastifyReply) => {
    const device = await deviceOf(request)
    const spaces = new Set(sync.spacesOf(device))
    reply.hijack()
    const stream = reply.raw
    stream.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive' })
    stream.write('retry: 2000\n: connected\n\n')
    streams.add(stream)
    const stop = config.store.onPoke((space, fromDevice) => {
      // The desk that pushed has what it pushed: no round for it.
      if (spaces.has(space) && fromDevice !== device.id) stream.write(`event: poke\ndata: ${JSON.stringify({ space })}\n\n`)
    })
    const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), HEARTBEAT_MS)
    stream.on('close', () => {
      clearInterval(heartbeat)
      stop()
      streams.delete(stream)
    })
  })

  return app
}

declare module 'fastify' {
  interface FastifyInstance {
    centralSync: ReturnType<typeof createSyncService>
  }
}

export type CentralServer = Awaited<ReturnType<typeof buildCentralServer>>
