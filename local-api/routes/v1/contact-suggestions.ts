import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { ContactSuggestionSchema, SuggestionDecisionSchema } from '../../../api-contract/index.js'
import type { Decision, DecidedBy, SuggestionView } from '../../services/contact-suggestions.js'
import { problemResponses } from './schemas.js'

const SuggestionParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100 }),
  suggestionId: Type.String({ minLength: 1, maxLength: 100 }),
})

/** Contacts a guest wrote (email, phone, contact card): suggestions staff link or dismiss. */
export const contactSuggestionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const by = (request: FastifyRequest): DecidedBy => ({ agentId: request.agent?.id ?? null, tokenName: request.apiToken?.name ?? null })
  const viewFor = (request: FastifyRequest, suggestion: SuggestionView) => ({
    ...suggestion,
    matchedGuest: suggestion.matchedGuest && {
      ...suggestion.matchedGuest,
      confirmationNumbers: app.holds(request, 'reservation.read') ? suggestion.matchedGuest.confirmationNumbers : [],
    },
    foundAt: new Date(suggestion.foundAt).toISOString(),
  })
  const answer = (request: FastifyRequest, decision: Decision) => ({ ...decision, suggestion: viewFor(request, decision.suggestion) })

  app.get(
    '/conversations/:id/suggestions',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Contacts the guest wrote in this conversation, as suggestions for staff (never identities), with the profile each belongs to',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 200: Type.Array(ContactSuggestionSchema), ...problemResponses },
      },
    },
    async (request) => app.contactSuggestions.list(app.conversationFor(request, request.params.id)).map((suggestion) => viewFor(request, suggestion)),
  )

  app.post(
    '/conversations/:id/suggestions/:suggestionId/link',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      // The body is optional: none at all is a link without a reason.
      preValidation: async (request) => {
        request.body ??= {}
      },
      schema: {
        tags: ['native'],
        summary:
          'Link a suggestion: a recorded, undoable guest merge with the profile that owns the value (not with a property-bound token: 403), or (nobody owns it) a staff-confirmed identity of this guest',
        params: SuggestionParams,
        body: Type.Object({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' })) }, { additionalProperties: false }),
        response: { 200: SuggestionDecisionSchema, ...problemResponses },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.id)
      const mayMerge = !request.apiToken?.propertyId
      return answer(request, app.contactSuggestions.link(conversation, request.params.suggestionId, by(request), { reason: request.body.reason, mayMerge }))
    },
  )

  app.post(
    '/conversations/:id/suggestions/:suggestionId/dismiss',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Dismiss a suggestion: it is no longer offered (synced to every desk)',
        params: SuggestionParams,
        response: { 200: SuggestionDecisionSchema, ...problemResponses },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.id)
      return answer(request, app.contactSuggestions.dismiss(conversation, request.params.suggestionId, by(request)))
    },
  )
}
