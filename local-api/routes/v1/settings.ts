import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AgentSettingsBody, AgentSettingsSchema, LlmProviderBody, LlmProviderSchema } from '../../../api-contract/index.js'
import { HttpError } from '../../../sync-core/http/http-error.js'
import { LLM_SETTING, type LlmProvider } from '../../services/llm-client.js'
import { problemResponses } from './schemas.js'
import { deskWideOnly, targetProperty } from './property-scope.js'
import { agentSettingsOf, saveAgentSettings, type AgentSettings } from '../../services/agent-settings.js'

/** A property's agent settings as the API shows them: an embeddings key is never sent back. */
const agentSettingsView = (propertyId: string, { embeddings, ...settings }: AgentSettings) => ({
  propertyId,
  ...settings,
  embeddings: embeddings && { baseUrl: embeddings.baseUrl, model: embeddings.model, hasApiKey: Boolean(embeddings.apiKey) },
})

/** Desk settings: the optional LLM provider the AI agent words its replies with, and the agent's settings per property. */
export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const view = (provider: LlmProvider | undefined) =>
    provider ? { baseUrl: provider.baseUrl, model: provider.model, hasApiKey: Boolean(provider.apiKey) } : null

  app.get(
    '/settings/llm',
    {
      onRequest: deskWideOnly(app, "read or change the desk's settings"),
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'The LLM provider (OpenAI-compatible), or null: the built-in agent answers (admin; not a property-bound token)',
        response: { 200: LlmProviderSchema, ...problemResponses },
      },
    },
    async () => view(app.store.settings.get<LlmProvider>(LLM_SETTING)),
  )

  app.put(
    '/settings/llm',
    {
      onRequest: deskWideOnly(app, "read or change the desk's settings"),
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Set the LLM provider (any OpenAI-compatible chat-completions endpoint) (admin; not a property-bound token)',
        body: LlmProviderBody,
        response: { 200: LlmProviderSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { baseUrl, model, apiKey } = request.body
      if (!/^https?:\/\//.test(baseUrl)) throw new HttpError(400, 'Bad Request', 'baseUrl must be an http(s) address')
      const provider: LlmProvider = { baseUrl, model, apiKey: apiKey ?? null }
      app.store.settings.put(LLM_SETTING, provider)
      return view(provider)
    },
  )

  app.delete(
    '/settings/llm',
    {
      onRequest: deskWideOnly(app, "read or change the desk's settings"),
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Forget the LLM provider: the built-in agent answers alone (admin; not a property-bound token)',
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (_request, reply) => {
      app.store.settings.remove(LLM_SETTING)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/settings/agent',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: "A property's AI agent settings: confidence thresholds, handover words, the desk's hours and an optional embeddings endpoint (admin)",
        querystring: Type.Object({ propertyId: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: AgentSettingsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const propertyId = targetProperty(app, request, request.query.propertyId)
      return agentSettingsView(propertyId, agentSettingsOf(app.store, propertyId))
    },
  )

  app.put(
    '/settings/agent',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: "Change a property's AI agent settings (admin); medium must not be above high",
        body: AgentSettingsBody,
        response: { 200: AgentSettingsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const propertyId = targetProperty(app, request, request.body.propertyId)
      if (!app.store.properties.get(propertyId)) throw new HttpError(400, 'Bad Request', `propertyId names no property (${propertyId})`)
      const current = agentSettingsOf(app.store, propertyId)
      const thresholds = { ...current.thresholds, ...request.body.thresholds }
      if (thresholds.medium > thresholds.high) throw new HttpError(400, 'Bad Request', 'thresholds.medium must not be above thresholds.high')
      const { embeddings } = request.body
      if (embeddings && !/^https?:\/\//.test(embeddings.baseUrl)) throw new HttpError(400, 'Bad Request', 'embeddings.baseUrl must be an http(s) address')
      const saved = saveAgentSettings(app.store, propertyId, {
        thresholds,
        handoverMessages: request.body.handoverMessages ?? current.handoverMessages,
        deskHours: request.body.deskHours === undefined ? current.deskHours : request.body.deskHours,
        autoResolveMinutes: request.body.autoResolveMinutes === undefined ? current.autoResolveMinutes : request.body.autoResolveMinutes,
        waitingReminderMinutes: request.body.waitingReminderMinutes === undefined ? current.waitingReminderMinutes : request.body.waitingReminderMinutes,
        // A key left out is the one kept (the settings page never sees it to send it back).
        embeddings:
          embeddings === undefined
            ? current.embeddings
            : embeddings && { ...embeddings, apiKey: 'apiKey' in embeddings ? (embeddings.apiKey ?? null) : (current.embeddings?.apiKey ?? null) },
      })
      return agentSettingsView(propertyId, saved)
    },
  )
}
