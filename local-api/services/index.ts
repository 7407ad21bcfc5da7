import type { Store } from '../db/store.js'
import { createAgentService } from './agents.js'
import { createAiAgent } from './ai-agent.js'
import { createAiAutoResolve } from './ai-auto-resolve.js'
import { createAttachmentService } from './attachments.js'
import { createBackgroundFailures } from './background-failures.js'
import { createChannelAccountService } from './channel-accounts.js'
import { createContactSuggestionService } from './contact-suggestions.js'
import { createConversationService } from './conversations.js'
import { createDeliveryService, type DeliveryOptions } from './delivery.js'
import { createEventBus } from './event-bus.js'
import { createExportService } from './export.js'
import { createGuestAppConversationService } from './guest-app-conversations.js'
import { createGuestSessionService } from './guest-sessions.js'
import { createGuestLinking } from './guest-linking.js'
import { createGuestService } from './guests.js'
import { createIngest } from './ingest.js'
import { createGuestLanguageService } from './guest-languages.js'
import { createInsightService } from './insight.js'
import { createTranslationService } from './translation.js'
import { createKnowledgeService } from './knowledge.js'
import { createLeadService } from './leads.js'
import { silentLogger, type Logger } from './logger.js'
import { createNotificationService } from './notifications.js'
import { createNoteService } from './notes.js'
import { createOutletService } from './outlets.js'
import { createReplyService } from './replies.js'
import { createReservationService } from './reservations.js'
import { createRoutingService } from './routing.js'
import { createServiceRecordService } from './service-records.js'
import { createSignInThrottle } from './sign-in-throttle.js'
import { createStatsService } from './stats.js'
import { createTemplateService } from './templates.js'
import { createTextCallService } from './text-calls.js'
import { createWaitingReminders } from './waiting-reminders.js'
import { createFirstCopies } from './sync/first-copies.js'
import { createDeskSyncService, type DeskSyncOptions } from './sync/sync-service.js'

export interface ServicesOptions {
  clock?: () => number
  /** The server's logger; each background worker logs through a child of it that names the worker. */
  logger?: Logger
  delivery?: DeliveryOptions
  sync?: DeskSyncOptions
}

/** Every service over one store, wired together; the server decorates itself with each. */
export function createServices(
  store: Store,
  { clock = Date.now, logger = silentLogger(), delivery: deliveryOptions, sync: syncOptions }: ServicesOptions = {},
) {
  const background = createBackgroundFailures(clock)
  const events = createEventBus()
  const ingest = createIngest(store, events, clock)
  const notifications = createNotificationService(store, events, clock)
  const conversations = createConversationService(store, events, notifications, clock)
  const leads = createLeadService(store, events, conversations, clock)
  const serviceRecords = createServiceRecordService(store, events, clock)
  const routing = createRoutingService(store, conversations, clock)
  const knowledge = createKnowledgeService(store, clock)
  const delivery = createDeliveryService(store, events, clock, deliveryOptions, background.reportFor('delivery', logger))
  const replies = createReplyService(store, ingest, delivery, clock)
  const guests = createGuestService(store, events, conversations, clock)
  const guestLinking = createGuestLinking(store, guests, leads)
  const firstCopies = createFirstCopies()
  return {
    background,
    events,
    ingest,
    notifications,
    conversations,
    leads,
    serviceRecords,
    queueRouting: routing,
    knowledge,
    delivery,
    replies,
    notes: createNoteService(store, ingest, notifications, events, clock),
    reservations: createReservationService(store, events, guestLinking, clock),
    agents: createAgentService(store, clock),
    signInThrottle: createSignInThrottle(store, clock),
    guests,
    guestLinking,
    contactSuggestions: createContactSuggestionService(store, events, guests, clock),
    channelAccounts: createChannelAccountService(store, clock),
    outlets: createOutletService(store, clock),
    guestSessions: createGuestSessionService(store, clock),
    attachments: createAttachmentService(store, clock),
    templates: createTemplateService(store, clock),
    textCalls: createTextCallService(store, ingest, serviceRecords, routing, conversations, clock),
    guestAppConversations: createGuestAppConversationService(store, ingest, clock),
    aiAgent: createAiAgent({ store, events, knowledge, conversations, replies, clock, firstCopies, report: background.reportFor('ai-agent', logger) }),
    firstCopies,
    insight: createInsightService(store, events, clock, background.reportFor('insight', logger)),
    guestLanguages: createGuestLanguageService(store, events, background.reportFor('insight', logger)),
    exporter: createExportService(store),
    translation: createTranslationService(store, events, clock, background.reportFor('translation', logger)),
    stats: createStatsService(store, clock, background.reportFor('statistics', logger)),
    // defects (issue 17): desk timers
    aiAutoResolve: createAiAutoResolve(store, events, clock),
    waitingReminders: createWaitingReminders(store, notifications, clock),
    sync: createDeskSyncService(store, ingest, events, guestLinking, clock, { firstCopies, ...syncOptions }, background.reportFor('sync', logger)),
  }
}

export type Services = ReturnType<typeof createServices>
