import fp from 'fastify-plugin'
import type { Store } from '../db/store.js'
import { createAgentService, type AgentService } from '../services/agents.js'
import { createConversationService, type ConversationService } from '../services/conversations.js'
import { createEventBus, type EventBus } from '../services/event-bus.js'
import { createIngest, type Ingest } from '../services/ingest.js'
import { createLeadService, type LeadService } from '../services/leads.js'
import { createReservationService, type ReservationService } from '../services/reservations.js'

declare module 'fastify' {
  interface FastifyInstance {
    store: Store
    events: EventBus
    ingest: Ingest
    reservations: ReservationService
    agents: AgentService
    conversations: ConversationService
    leads: LeadService
    clock: () => number
  }
}

export interface AppContextOptions {
  store: Store
  clock: () => number
}

/** The store and the services over it, shared by every route; the store closes with the server. */
export const appContext = fp<AppContextOptions>(
  async (app, { store, clock }) => {
    const events = createEventBus()
    app.decorate('store', store)
    app.decorate('events', events)
    app.decorate('clock', clock)
    app.decorate('ingest', createIngest(store, events, clock))
    app.decorate('reservations', createReservationService(store, events, clock))
    app.decorate('agents', createAgentService(store, clock))
    app.decorate('conversations', createConversationService(store, events, clock))
    app.decorate('leads', createLeadService(store, events, clock))
    app.addHook('onClose', async () => store.close())
  },
  { name: 'app-context' },
)
