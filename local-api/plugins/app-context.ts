import fp from 'fastify-plugin'
import type { Store } from '../db/store.js'
import { createAgentService, type AgentService } from '../services/agents.js'
import { createConversationService, type ConversationService } from '../services/conversations.js'
import { createEventBus, type EventBus } from '../services/event-bus.js'
import { createIngest, type Ingest } from '../services/ingest.js'
import { createLeadService, type LeadService } from '../services/leads.js'
import { createAttachmentService, type AttachmentService } from '../services/attachments.js'
import { createChannelAccountService, type ChannelAccountService } from '../services/channel-accounts.js'
import { createGuestAppConversationService, type GuestAppConversationService } from '../services/guest-app-conversations.js'
import { createGuestSessionService, type GuestSessionService } from '../services/guest-sessions.js'
import { createOutletService, type OutletService } from '../services/outlets.js'
import { createServiceRecordService, type ServiceRecordService } from '../services/service-records.js'
import { createTextCallService, type TextCallService } from '../services/text-calls.js'
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
    channelAccounts: ChannelAccountService
    outlets: OutletService
    serviceRecords: ServiceRecordService
    guestSessions: GuestSessionService
    attachments: AttachmentService
    textCalls: TextCallService
    guestAppConversations: GuestAppConversationService
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
    const ingest = createIngest(store, events, clock)
    const serviceRecords = createServiceRecordService(store, events, clock)
    app.decorate('ingest', ingest)
    app.decorate('reservations', createReservationService(store, events, clock))
    app.decorate('agents', createAgentService(store, clock))
    app.decorate('conversations', createConversationService(store, events, clock))
    app.decorate('leads', createLeadService(store, events, clock))
    app.decorate('channelAccounts', createChannelAccountService(store, clock))
    app.decorate('outlets', createOutletService(store, clock))
    app.decorate('serviceRecords', serviceRecords)
    app.decorate('guestSessions', createGuestSessionService(store, clock))
    app.decorate('attachments', createAttachmentService(store, clock))
    app.decorate('textCalls', createTextCallService(store, ingest, serviceRecords, clock))
    app.decorate('guestAppConversations', createGuestAppConversationService(store, ingest, clock))
    app.addHook('onClose', async () => store.close())
  },
  { name: 'app-context' },
)
