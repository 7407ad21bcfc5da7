import { dirname } from 'node:path'
import { agentSessionsRepository } from './agent-sessions.js'
import { aiAnswersRepository } from './ai-answers.js'
import { agentSuggestionsRepository } from './agent-suggestions.js'
import { agentsRepository } from './agents.js'
import { apiTokensRepository } from './api-tokens.js'
import { attachmentsRepository } from './attachments.js'
import { backupIntoDataDir, BACKUPS_KEPT } from './backup.js'
import { channelAccountsRepository } from './channel-accounts.js'
import { changeLogRepository } from './change-log.js'
import { contactSuggestionsRepository } from './contact-suggestions.js'
import { conversationEventsRepository } from './conversation-events.js'
import { conversationsRepository } from './conversations.js'
import { conversationChannelsRepository } from './conversation-channels.js'
import { conversationLanguagesRepository } from './conversation-languages.js'
import { translationsRepository } from './translations.js'
import { exportRepository } from './export.js'
import { customFieldsRepository } from './custom-fields.js'
import { openDeskClock } from './desk-clock.js'
import { guestSessionsRepository } from './guest-sessions.js'
import { guestMergesRepository } from './guest-merges.js'
import { guestsRepository } from './guests.js'
import { knowledgeRepository } from './knowledge.js'
import { leadsRepository } from './leads.js'
import { messagesRepository } from './messages.js'
import { schemaVersion } from '../../sync-core/migrations/sqlite-migrate.js'
import { notificationsRepository } from './notifications.js'
import { onsiteContactsRepository } from './onsite-contacts.js'
import { outboxRepository } from './outbox.js'
import { openDatabase, type Db } from './open.js'
import { createQueryWorker } from './query-worker.js'
import { outletsRepository } from './outlets.js'
import { propertiesRepository } from './properties.js'
import { reservationsRepository } from './reservations.js'
import { serviceRecordsRepository } from './service-records.js'
import { settingsRepository } from './settings.js'
import { statsRepository } from './stats.js'
import { signInFailuresRepository } from './sign-in-failures.js'
import { syncRepository } from './sync.js'
import { templatesRepository } from './templates.js'
import { waitingRemindersRepository } from './waiting-reminders.js'

export interface StoreOptions {
  /** The physical clock the desk's sync clock follows (the services' clock; default: the system's). */
  now?: () => number
}

/**
 * The one typed interface to the database: services and routes call these functions and never
 * write SQL, nor see the connection. `transaction` runs a function atomically (BEGIN IMMEDIATE …
 * COMMIT) and brings the statistics' rollups up to date before it commits; `hlc` is the desk's sync clock, which stamps each change the change log records.
 */
export function createStore(db: Db, { now = Date.now }: StoreOptions = {}) {
  const hlc = openDeskClock(db, now)
  const stats = statsRepository(db)
  const queryWorker = createQueryWorker(db.name)
  return {
    /** The store's file, and the data dir that holds it (attachments, backups). */
    file: db.name,
    dataDir: dirname(db.name),
    /** Opened read-only: nothing new can be stored. */
    readOnly: db.readonly,
    hlc,
    properties: propertiesRepository(db),
    guests: guestsRepository(db),
    guestMerges: guestMergesRepository(db),
    conversations: conversationsRepository(db, queryWorker),
    conversationChannels: conversationChannelsRepository(db),
    conversationLanguages: conversationLanguagesRepository(db),
    translations: translationsRepository(db),
    contactSuggestions: contactSuggestionsRepository(db),
    messages: messagesRepository(db),
    reservations: reservationsRepository(db),
    apiTokens: apiTokensRepository(db),
    agents: agentsRepository(db),
    agentSessions: agentSessionsRepository(db),
    agentSuggestions: agentSuggestionsRepository(db),
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
    // defects (issue 17): the AI auto-resolve's and the waiting reminders' own bookkeeping
    aiAnswers: aiAnswersRepository(db),
    waitingReminders: waitingRemindersRepository(db),
    templates: templatesRepository(db),
    notifications: notificationsRepository(db),
    settings: settingsRepository(db),
    outbox: outboxRepository(db),
    stats,
    exports: exportRepository(db),
    changeLog: changeLogRepository(db, hlc),
    sync: syncRepository(db),
    transaction<T>(work: () => T): T {
      if (db.inTransaction) return db.transaction(work)()
      // The statistics' rollups move with the changes that move them, in the same commit.
      return db
        .transaction(() => {
          const result = work()
          stats.flushDirty()
          return result
        })
        .immediate()
    },
    /**
     * Runs `work` in a savepoint of the transaction under way: a throw undoes only its writes (and
     * is rethrown); the transaction goes on.
     */
    savepoint<T>(work: () => T): T {
      if (!db.inTransaction) throw new Error('a savepoint needs a transaction under way')
      return db.transaction(work)()
    },
    schemaVersion: () => schemaVersion(db),
    /** A dated online backup into `<dataDir>/backups`, then only the newest `keep` are kept; resolves with its file. */
    backupIntoDataDir(dataDir: string, at = Date.now(), keep = BACKUPS_KEPT, shouldStop?: () => boolean): Promise<string> {
      return backupIntoDataDir(db, dataDir, at, keep, shouldStop)
    },
    close(): void {
      queryWorker.close()
      if (db.open) db.close()
    },
  }
}

export type Store = ReturnType<typeof createStore>

export function openStore(dataDir: string, options: StoreOptions = {}): Store {
  return createStore(openDatabase(dataDir), options)
}
