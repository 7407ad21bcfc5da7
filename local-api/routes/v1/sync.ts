import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { SyncConnectBody, SyncParkedRetrySchema, SyncStatusSchema } from '../../../api-contract/index.js'
import { HttpError } from '../../../sync-core/http/http-error.js'
import { SyncConnectError, type DeskSyncStatus } from '../../services/sync/sync-service.js'
import { problemResponses } from './schemas.js'
import { deskWideOnly } from './property-scope.js'

export const syncStatusView = (status: DeskSyncStatus) => ({
  ...status,
  lastSyncAt: status.lastSyncAt === null ? null : new Date(status.lastSyncAt).toISOString(),
  parked: status.parked.map((op) => ({ ...op, parkedAt: new Date(op.parkedAt).toISOString() })),
  refused: status.refused.map((op) => ({ ...op, refusedAt: new Date(op.refusedAt).toISOString() })),
  identityChange: status.identityChange && { ...status.identityChange, at: new Date(status.identityChange.at).toISOString() },
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

  app.post(
    '/sync/parked/retry',
    {
      onRequest: deskWideOnly(app, 'retry parked and refused changes'),
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary:
          "Applies other desks' parked changes again, in order, and sends this desk's refused changes again (after an upgrade); those that apply now leave the list (admin)",
        response: { 200: SyncParkedRetrySchema, ...problemResponses },
      },
    },
    async () => {
      const result = app.sync.retryParked()
      if (!result) throw new HttpError(409, 'Conflict', 'this desk is not connected to a central server (frontdesk sync connect, or PUT /v1/sync)')
      return result
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
        body: SyncConnectBody,
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
