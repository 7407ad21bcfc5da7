import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { useProblemErrors } from '../../../sync-core/http/problem-errors.js'
import { deskErrorAnswer } from '../../plugins/desk-errors.js'
import { agentRoutes } from './agents.js'
import { arrivalRoutes } from './arrivals.js'
import { attachmentRoutes } from './attachments.js'
import { channelAccountRoutes } from './channel-accounts.js'
import { conversationWorkflowRoutes } from './conversation-workflow.js'
import { conversationChannelRoutes } from './conversation-channels.js'
import { contactSuggestionRoutes } from './contact-suggestions.js'
import { conversationRoutes } from './conversations.js'
import { eventRoutes } from './events.js'
import { exportRoutes } from './export.js'
import { healthRoutes } from './health.js'
import { knowledgeRoutes } from './knowledge.js'
import { suggestionRoutes } from './suggestions.js'
import { leadRoutes } from './leads.js'
import { messageRoutes } from './messages.js'
import { noteRoutes } from './notes.js'
import { notificationRoutes } from './notifications.js'
import { outletRoutes } from './outlets.js'
import { propertyRoutes } from './properties.js'
import { reservationRoutes } from './reservations.js'
import { serviceRecordRoutes } from './service-records.js'
import { sessionRoutes } from './session.js'
import { settingsRoutes } from './settings.js'
import { translationRoutes } from './translation.js'
import { setupRoutes } from './setup.js'
import { statsRoutes } from './stats.js'
import { syncRoutes } from './sync.js'
import { templateRoutes } from './templates.js'
import { tokenRoutes } from './tokens.js'
import { guestRoutes } from './guests.js'

/** The native API under /v1; its errors are RFC 9457 problem details. */
export const v1Routes: FastifyPluginAsyncTypebox = async (app) => {
  useProblemErrors(app, deskErrorAnswer)
  await app.register(healthRoutes)
  await app.register(propertyRoutes)
  await app.register(conversationRoutes)
  await app.register(noteRoutes)
  await app.register(reservationRoutes)
  await app.register(eventRoutes)
  await app.register(setupRoutes)
  await app.register(sessionRoutes)
  await app.register(agentRoutes)
  await app.register(tokenRoutes)
  await app.register(outletRoutes)
  await app.register(channelAccountRoutes)
  await app.register(serviceRecordRoutes)
  await app.register(messageRoutes)
  await app.register(attachmentRoutes)
  await app.register(conversationWorkflowRoutes)
  await app.register(conversationChannelRoutes)
  await app.register(contactSuggestionRoutes)
  await app.register(leadRoutes)
  await app.register(knowledgeRoutes)
  await app.register(suggestionRoutes)
  await app.register(templateRoutes)
  await app.register(notificationRoutes)
  await app.register(settingsRoutes)
  await app.register(translationRoutes)
  await app.register(statsRoutes)
  await app.register(exportRoutes)
  await app.register(arrivalRoutes)
  await app.register(guestRoutes)
  await app.register(syncRoutes)
}
