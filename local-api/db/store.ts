import { agentSessionsRepository } from './agent-sessions.js'
import { agentsRepository } from './agents.js'
import { apiTokensRepository } from './api-tokens.js'
import { attachmentsRepository } from './attachments.js'
import { channelAccountsRepository } from './channel-accounts.js'
import { changeLogRepository } from './change-log.js'
import { contactSuggestionsRepository } from './contact-suggestions.js'
import { conversationEventsRepository } from './conversation-events.js'
import { conversationsRepository } from './conversations.js'
import { exportRepository } from './export.js'
import { customFieldsRepository } from './custom-fields.js'
import { guestSessionsRepository } from './guest-sessions.js'
import { guestMergesRepository } from './guest-merges.js'
import { guestsRepository } from './guests.js'
import { knowledgeRepository } from './knowledge.js'
import { leadsRepository } from './leads.js'
import { messagesRepository } from './messages.js'
import { notificationsRepository } from './notifications.js'
import { onsiteContactsRepository } from './onsite-contacts.js'
import { outboxRepository } from './outbox.js'
import { openDatabase, type Db } from './open.js'
import { outletsRepository } from './outlets.js'
import { propertiesRepository } from './properties.js'
import { reservationsRepository } from './reservations.js'
import { serviceRecordsRepository } from './service-records.js'
import { settingsRepository } from './settings.js'
import { statsRepository } from './stats.js'
import { signInFailuresRepository } from './sign-in-failures.js'
import { templatesRepository } from './templates.js'

/**
 * The one typed interface to the database: services and routes call these functions and never
 * write SQL. `transaction` runs a function atomically (BEGIN IMMEDIATE … COMMIT).
 */
export function createStore(db: Db) {
  return {
    db,
    properties: propertiesRepository(db),
    guests: guestsRepository(db),
    guestMerges: guestMergesRepository(db),
    conversations: conversationsRepository(db),
    contactSuggestions: contactSuggestionsRepository(db),
    messages: messagesRepository(db),
    reservations: reservationsRepository(db),
    apiTokens: apiTokensRepository(db),
    agents: agentsRepository(db),
    agentSessions: agentSessionsRepository(db),
    signInFailures: signInFailuresRepository(db),
    leads: leadsRepository(db),
    channelAccounts: channelAccountsRepository(db),
    onsiteContacts: onsiteContactsRepository(db),
    outlets: outletsRepository(db),
    customFields: customFieldsRepository(db),
    serviceRecords: serviceRecordsRepository(db),
    guestSessions: guestSessionsRepository(db),
    attachments: attachmentsRepository(db),
    conversationEvents: conversationEventsRepository(db),
    knowledge: knowledgeRepository(db),
    templates: templatesRepository(db),
    notifications: notificationsRepository(db),
    settings: settingsRepository(db),
    outbox: outboxRepository(db),
    stats: statsRepository(db),
    exports: exportRepository(db),
    changeLog: changeLogRepository(db),
    transaction<T>(work: () => T): T {
      return db.transaction(work).immediate()
    },
    close(): void {
      if (db.open) db.close()
    },
  }
}

export type Store = ReturnType<typeof createStore>

export function openStore(dataDir: string): Store {
  return createStore(openDatabase(dataDir))
}
