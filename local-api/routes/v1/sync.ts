import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { HttpError } from '../../../sync-core/http/http-error.js'
import { SyncConnectError, type DeskSyncStatus } from '../../services/sync/sync-service.js'
import { IsoDateTime, Nullable, problemResponses } from './schemas.js'
import { deskWideOnly } from './property-scope.js'

const Progress = Type.Union([Type.Object({ done: Type.Integer(), total: Type.Integer() }), Type.Null()])

export const SyncStatusSchema = Type.Object({
  configured: Type.Boolean({ description: 'Connected to a central server.' }),
  state: Type.Enum(['off', 'idle', 'syncing', 'offline'], { description: 'offline: the last round failed (see lastError); it is retried with backoff.' }),
  pendingOps: Type.Integer({ description: 'Changes made here that the central server has not acknowledged yet.' }),
  waitingOps: Type.Integer({ description: "Other desks' changes that cannot apply yet (from a newer version, or waiting for what they refer to)." }),
  lastSyncAt: Nullable(IsoDateTime),
  lastError: Nullable(Type.String()),
  progress: Progress,
  joining: Type.Boolean({ description: 'Connected but not synced yet: the desk is still filling from the central server.' }),
  centralUrl: Nullable(Type.String()),
  deviceId: Nullable(Type.String()),
  propertyId: Nullable(Type.String()),
})

export const syncStatusView = (status: DeskSyncStatus) => ({
  ...status,
  lastSyncAt: status.lastSyncAt === null ? null : new Date(status.lastSyncAt).toISOString(),
})

/** This desk's sync with the central server: its state, a sync on request, connecting. */
export const syncRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/sync',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: "This desk's sync with the central server: state, changes not yet sent, last sync, last error, progress",
        response: { 200: SyncStatusSchema, ...problemResponses },
      },
    },
    async () => syncStatusView(app.sync.status()),
  )

  app.post(
    '/sync/now',
    {
      // An action, not a read: staff (and write tokens) may ask for a round, read-only tokens may not.
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Syncs right away instead of at the next retry (an action: needs guest.conversation.write)',
        response: { 202: SyncStatusSchema, ...problemResponses },
      },
    },
    async (_request, reply) => {
      if (!app.sync.now()) throw new HttpError(409, 'Conflict', 'this desk is not connected to a central server (frontdesk sync connect, or PUT /v1/sync)')
      return reply.code(202).send(syncStatusView(app.sync.status()))
    },
  )

  app.put(
    '/sync',
    {
      onRequest: deskWideOnly(app, 'connect the desk to a central server'),
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Connects this desk to a central server with the device credential an admin issued there (admin; not a property-bound token)',
        body: Type.Object(
          {
            centralUrl: Type.String({ minLength: 1, maxLength: 2000, description: 'e.g. http://central.hotel.lan:4790' }),
            credential: Type.String({ pattern: '^fdd_', maxLength: 200, description: 'From `frontdesk central device add`.' }),
          },
          { additionalProperties: false },
        ),
        response: { 200: SyncStatusSchema, ...problemResponses, 502: problemResponses[400] },
      },
    },
    async (request) => {
      try {
        await app.sync.connect(request.body.centralUrl, request.body.credential)
      } catch (error) {
        if (!(error instanceof SyncConnectError)) throw error
        if (error.reason === 'unreachable') throw new HttpError(502, 'Bad Gateway', error.message)
        throw new HttpError(error.reason === 'conflict' ? 409 : 400, error.reason === 'conflict' ? 'Conflict' : 'Bad Request', error.message)
      }
      return syncStatusView(app.sync.status())
    },
  )
}
