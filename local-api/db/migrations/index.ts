import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'
import { initialSchema } from './0010-initial-schema.js'
import { agentsSessionsLeads } from './0020-agents-sessions-leads.js'
import { sourcesAndServiceRecords } from './0030-sources-and-service-records.js'
import { agentTemplatesDelivery } from './0040-agent-templates-delivery.js'
import { insight } from './0050-insight.js'
import { sync } from './0060-sync.js'
import { clockEarlierChanges } from './0070-clock-earlier-changes.js'
import { guestMerges } from './0080-guest-merges.js'
import { contactSuggestions } from './0090-contact-suggestions.js'
import { signInThrottling } from './0100-sign-in-throttling.js'
import { propertyScopedIds } from './0110-property-scoped-ids.js'
import { outboxLeasesAndHealth } from './0120-outbox-leases-and-health.js'
import { parkedSyncOps } from './0130-parked-sync-ops.js'
import { deskIdentity } from './0140-desk-identity.js'
import { reservationsByContact } from './0150-reservations-by-contact.js'
import { refusedSyncOps } from './0160-refused-sync-ops.js'
import { statsRollups } from './0170-stats-rollups.js'
import { guestSearchGrams } from './0180-guest-search-grams.js'
import { agentRetrieval } from './0190-agent-retrieval.js'
import { knowledgeEmbeddings } from './0200-knowledge-embeddings.js'
import { conversationStates } from './0210-conversation-states.js'
import { conversationViewsByActivity } from './0220-conversation-views-by-activity.js'
import { notesInternalMessages } from './0230-notes-internal-messages.js'
import { statesUnreadIndex } from './0240-states-unread-index.js'
import { settingsDefaultOutlets } from './0250-settings-default-outlets.js'
import { defectsSearchAndDeskTimers } from './0260-defects-search-and-desk-timers.js'
import { agentUiLanguage } from './0270-agent-ui-language.js'
import { guestMessageLanguages } from './0280-guest-message-languages.js'
import { translations } from './0290-translations.js'

/** Every migration, oldest first. Append only; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  initialSchema,
  agentsSessionsLeads,
  sourcesAndServiceRecords,
  agentTemplatesDelivery,
  insight,
  sync,
  clockEarlierChanges,
  guestMerges,
  contactSuggestions,
  signInThrottling,
  propertyScopedIds,
  outboxLeasesAndHealth,
  parkedSyncOps,
  deskIdentity,
  reservationsByContact,
  refusedSyncOps,
  statsRollups,
  guestSearchGrams,
  agentRetrieval,
  knowledgeEmbeddings,
  conversationStates,
  conversationViewsByActivity,
  notesInternalMessages,
  statesUnreadIndex,
  settingsDefaultOutlets,
  defectsSearchAndDeskTimers,
  agentUiLanguage,
  guestMessageLanguages,
  translations,
]
