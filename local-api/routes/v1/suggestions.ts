import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { SuggestionSchema, SuggestionSendBody, MessageSchema } from '../../../api-contract/index.js'
import type { AgentSuggestion } from '../../db/agent-suggestions.js'
import { HttpError, invalidInput } from '../../../sync-core/http/http-error.js'
import { IdParams, problemResponses } from './schemas.js'
import { messageView } from './views.js'

const view = (suggestion: AgentSuggestion) => ({
  id: suggestion.id,
  conversationId: suggestion.conversationId,
  messageId: suggestion.messageId,
  entryId: suggestion.entryId,
  text: suggestion.text,
  language: suggestion.language,
  createdAt: new Date(suggestion.createdAt).toISOString(),
})

/** The reply the AI agent proposes to staff when it is not sure enough to answer: shown, sent (as is or edited) or dismissed. */
export const suggestionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const noneOpen = () => new HttpError(409, 'Conflict', 'this conversation has no open suggestion (sent, dismissed or replaced by a newer one)')
  const openSuggestion = (conversationId: string): AgentSuggestion => {
    const suggestion = app.store.agentSuggestions.openOf(conversationId)
    if (!suggestion) throw noneOpen()
    return suggestion
  }

  app.get(
    '/conversations/:id/suggestion',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: "The AI agent's suggested reply awaiting review, or null",
        params: IdParams,
        response: { 200: SuggestionSchema, ...problemResponses },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.id)
      const suggestion = app.store.agentSuggestions.openOf(conversation.id)
      return suggestion ? view(suggestion) : null
    },
  )

  app.post(
    '/conversations/:id/suggestion/send',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: "Send the AI agent's suggested reply to the guest, as proposed or with changes (`text`); 409 when none is open",
        params: IdParams,
        body: SuggestionSendBody,
        response: { 201: MessageSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const conversation = app.conversationFor(request, request.params.id)
      const suggestion = openSuggestion(conversation.id)
      const refused = app.replies.refusal(conversation)
      if (refused) throw new HttpError(409, 'Conflict', refused.message)
      const text = request.body.text ?? suggestion.text
      const edited = text !== suggestion.text
      const now = Date.now()
      // Closed first: two colleagues pressing Send at once send it once.
      if (!app.store.agentSuggestions.resolve(suggestion.id, edited ? 'edited' : 'sent', now, request.agent?.id ?? null)) throw noneOpen()
      const sent = await app.replies.send(conversation, { type: 'text', text }, { agentId: request.agent?.id ?? null })
      if (!sent.ok) throw invalidInput(sent.problems)
      app.store.knowledge.recordUse(suggestion.entryId, edited ? 'edited' : 'sent', conversation.id, now)
      return reply.code(201).send(messageView(sent.value.message, app.store))
    },
  )

  app.post(
    '/conversations/:id/suggestion/dismiss',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: "Dismiss the AI agent's suggested reply; 409 when none is open",
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const conversation = app.conversationFor(request, request.params.id)
      const suggestion = openSuggestion(conversation.id)
      const now = Date.now()
      if (!app.store.agentSuggestions.resolve(suggestion.id, 'dismissed', now, request.agent?.id ?? null)) throw noneOpen()
      app.store.knowledge.recordUse(suggestion.entryId, 'dismissed', conversation.id, now)
      return reply.code(204).send(null)
    },
  )
}
