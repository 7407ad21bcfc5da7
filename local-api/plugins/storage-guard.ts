import fp from 'fastify-plugin'
import type { ServingStore } from '../db/serving.js'
import type { StorageHealth } from '../services/storage-health.js'
import { HttpError } from '../../sync-core/http/http-error.js'
import { storageProblem } from './storage-errors.js'

declare module 'fastify' {
  interface FastifyInstance {
    storageHealth: StorageHealth
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Signing in and out stay possible on a damaged store: staff can still read old conversations. */
const SESSION_PATH = '/v1/session'

/**
 * The storage's state on every request: a damaged store refuses writes (503, naming the file and
 * how to restore it); a storage failure (disk full, read-only, I/O) gets `Retry-After` and is
 * remembered for `/v1/health` until a write succeeds again. Register before the routes.
 */
export const storageGuard = fp<{ health: StorageHealth; serving?: ServingStore }>(
  async (app, { health, serving }) => {
    app.decorate('storageHealth', health)
    app.addHook('onRequest', async (request, reply) => {
      const refusal = health.damaged
      if (!refusal || READS.has(request.method) || request.url.split('?')[0] === SESSION_PATH) return
      reply.header('retry-after', '3600')
      throw new HttpError(503, 'Service Unavailable', refusal)
    })
    // Damage found after start (a check that outlasted its time budget): nothing writes in the background any more.
    health.onDamaged(() => {
      app.log.error({ file: health.file }, 'the store is damaged: serving it read-only')
      void app.aiAgent.stop()
      app.insight.stop()
      app.guestLanguages.stop()
      void app.delivery.stop()
      void app.sync.stop()
      app.conversations.stop()
      app.aiAutoResolve.stop()
      app.waitingReminders.stop()
    })
    // A start-up check that outlasted its time budget goes on; its finding counts when it comes.
    if (serving?.laterIntegrity) {
      const { laterIntegrity, stopCheck, restoreHint } = serving
      void laterIntegrity.then((report) => {
        app.log.info({ ms: Math.round(report.ms), ok: report.ok }, 'start-up quick_check finished')
        if (!report.ok) health.markDamaged({ problems: report.problems, restoreHint: restoreHint() })
      })
      app.addHook('onClose', async () => stopCheck())
    }
    app.addHook('onError', async (request, reply, error) => {
      const problem = storageProblem(error, health.file)
      if (!problem) return
      reply.header('retry-after', String(problem.retryAfterSeconds))
      health.writeFailed(problem.kind, problem.detail)
    })
    app.addHook('onResponse', async (request, reply) => {
      if (!READS.has(request.method) && reply.statusCode < 400) health.writeSucceeded()
    })
  },
  { name: 'storage-guard' },
)
