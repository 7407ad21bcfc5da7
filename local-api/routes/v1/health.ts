import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HealthSchema } from '../../../api-contract/index.js'
import { credentialOf } from '../../plugins/auth.js'

const FOR_DETAILS = 'send a token (or sign in) for the details'

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['native'],
        summary: "Liveness, the store's schema version, and whether the desk is degraded (and why) (no token needed)",
        description:
          '`status` is `degraded` when the store is damaged (served read-only), the disk is full, the storage is read-only ' +
          'or failing, the outbox is stuck (a reply waiting over 15 minutes or tried 5 times) or failing, or the last backup failed; ' +
          '`reasons` says which; its `detail` (file paths, webhook errors) only to a request with a token or session. ' +
          '`background` lists the work done in the background (the AI agent, delivery, insight, sync) that failed in the last 24 hours: ' +
          "each worker's latest failure and how often it failed, its `detail` likewise only with a token or session. " +
          'Always 200 while the server answers.',
        security: [],
        response: { 200: HealthSchema },
      },
    },
    async (request) => {
      // Anyone on this machine may ask whether the desk is well; only staff and integrators learn
      // the details (the store's path, a webhook's error text).
      const credential = credentialOf(app, request).kind
      const known = credential === 'token' || credential === 'agent'
      const reasons = app.storageHealth.reasons().map((reason) => (known ? reason : { ...reason, detail: FOR_DETAILS }))
      const background = app.background.recent().map(({ worker, count, at, reason, detail }) => ({
        worker,
        failures: count,
        lastAt: new Date(at).toISOString(),
        reason,
        detail: known ? detail : FOR_DETAILS,
      }))
      return {
        status: reasons.length ? ('degraded' as const) : ('ok' as const),
        reasons,
        background,
        schemaVersion: app.store.schemaVersion(),
        time: new Date(app.clock()).toISOString(),
      }
    },
  )
}
