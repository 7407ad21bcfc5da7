import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { LlmProviderBody, LlmProviderSchema } from '../../../api-contract/index.js'
import { HttpError } from '../../../sync-core/http/http-error.js'
import { LLM_SETTING, type LlmProvider } from '../../services/llm-client.js'
import { problemResponses } from './schemas.js'
import { deskWideOnly } from './property-scope.js'

/** Desk settings: the optional LLM provider the AI agent words its replies with. */
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
}
