import fp from 'fastify-plugin'
import type { Store } from '../db/store.js'
import { createServices, type Services } from '../services/index.js'
import type { DeliveryOptions } from '../services/delivery.js'
import type { DeskSyncOptions } from '../services/sync/sync-service.js'

declare module 'fastify' {
  interface FastifyInstance extends Services {
    store: Store
    clock: () => number
  }
}

export interface AppContextOptions {
  store: Store
  clock: () => number
  delivery?: DeliveryOptions
  sync?: DeskSyncOptions
  /** The store is damaged and served read-only: nothing in the background writes to it. */
  readOnly?: () => boolean
}

/**
 * The store and the services over it, shared by every route. Once the server is ready the AI agent
 * listens for guest messages, the outbox starts delivering (queued replies from before a
 * restart included) and a connected desk starts syncing; on close all stop before the store closes.
 */
export const appContext = fp<AppContextOptions>(
  async (app, { store, clock, delivery, sync, readOnly }) => {
    const services = createServices(store, { clock, logger: app.log, delivery, sync })
    app.decorate('store', store)
    app.decorate('clock', clock)
    for (const [name, service] of Object.entries(services)) app.decorate(name, service as object)
    // Background backfills step back while the desk answers someone.
    app.addHook('onRequest', async () => services.guestLanguages.inUse())
    app.addHook('onReady', async () => {
      if (readOnly?.()) return
      services.aiAgent.start()
      services.insight.start()
      services.guestLanguages.start()
      services.delivery.start()
      services.sync.start()
      services.stats.start()
      services.conversations.start()
      services.notes.start()
      services.aiAutoResolve.start()
      services.waitingReminders.start()
    })
    app.addHook('onClose', async () => {
      services.stats.stop()
      services.conversations.stop()
      services.notes.stop()
      services.aiAutoResolve.stop()
      services.waitingReminders.stop()
      await services.aiAgent.stop()
      services.insight.stop()
      services.guestLanguages.stop()
      await services.delivery.stop()
      await services.sync.stop()
      store.close()
    })
  },
  { name: 'app-context' },
)
