import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { schemaVersion } from '../../db/migrate.js'

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['native'],
        summary: 'Liveness and the store\'s schema version (no token needed)',
        security: [],
        response: {
          200: Type.Object({ status: Type.Literal('ok'), schemaVersion: Type.Integer(), time: Type.String() }),
        },
      },
    },
    async () => ({ status: 'ok' as const, schemaVersion: schemaVersion(app.store.db), time: new Date(app.clock()).toISOString() }),
  )
}
