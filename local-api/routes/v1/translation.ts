import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  MessageTranslationsSchema,
  ProblemSchema,
  TranslateBody,
  TranslationProviderBody,
  TranslationProviderSchema,
  TranslationSchema,
} from '../../../api-contract/index.js'
import { HttpError } from '../../../sync-core/http/http-error.js'
import { NoTranslationProvider, translationSettingKey, type TranslationSetting } from '../../services/translation.js'
import { ownEntity, targetProperty } from './property-scope.js'
import { problemResponses } from './schemas.js'

const PropertyQuery = Type.Object({ propertyId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }, { additionalProperties: false })

/** Settings › Translation per property, a reply translated for review, and a conversation's guest messages in the reader's language. */
export const translationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const view = (propertyId: string, setting: TranslationSetting | undefined) =>
    setting ? { propertyId, kind: setting.kind, url: setting.url, hasApiKey: Boolean(setting.apiKey) } : null

  app.get(
    '/settings/translation',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: "A property's translation provider, or null: nothing is sent anywhere (admin)",
        querystring: PropertyQuery,
        response: { 200: TranslationProviderSchema, ...problemResponses },
      },
    },
    async (request) => {
      const propertyId = targetProperty(app, request, request.query.propertyId)
      return view(propertyId, app.store.settings.get<TranslationSetting>(translationSettingKey(propertyId)))
    },
  )

  app.put(
    '/settings/translation',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: "Set a property's translation provider: a LibreTranslate-compatible endpoint, DeepL, or the desk's LLM (admin)",
        body: TranslationProviderBody,
        response: { 200: TranslationProviderSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { kind, url, apiKey } = request.body
      const propertyId = targetProperty(app, request, request.body.propertyId)
      const key = translationSettingKey(propertyId)
      const before = app.store.settings.get<TranslationSetting>(key)
      if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url)) throw new HttpError(400, 'Bad Request', 'url must be an http(s) address')
      if (kind === 'libretranslate' && !url) throw new HttpError(400, 'Bad Request', 'url is required for a LibreTranslate endpoint')
      if (kind === 'llm' && !app.store.settings.get('ai.llmProvider')) {
        throw new HttpError(400, 'Bad Request', 'kind llm needs the desk’s LLM provider first (PUT /v1/settings/llm)')
      }
      // A key left out is kept while the provider stays the same; another provider starts without one.
      const keptKey = before && before.kind === kind ? before.apiKey : null
      const setting: TranslationSetting = { kind, url: kind === 'llm' ? null : (url ?? null), apiKey: apiKey === undefined ? keptKey : apiKey }
      if (kind === 'deepl' && !setting.apiKey) throw new HttpError(400, 'Bad Request', 'apiKey is required for DeepL')
      app.store.settings.put(key, setting)
      return view(propertyId, setting)
    },
  )

  app.delete(
    '/settings/translation',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: "Forget a property's translation provider: nothing is sent to be translated any more (admin)",
        querystring: PropertyQuery,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      app.store.settings.remove(translationSettingKey(targetProperty(app, request, request.query.propertyId)))
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/translate',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: "A reply translated into the guest's language by the conversation's property provider, for review before it is sent",
        description: 'Nothing is sent: the reply goes out with POST /v1/conversations/:id/messages (its text the translation, `original` what staff wrote).',
        body: TranslateBody,
        response: { 200: TranslationSchema, ...problemResponses, 409: ProblemSchema, 502: ProblemSchema },
      },
    },
    async (request) => {
      const { conversationId, text, to, from } = request.body
      const conversation = ownEntity(request, app.store.conversations.get(conversationId), 'conversation', conversationId)
      try {
        return { text: await app.translation.translateText(conversation.propertyId, text, from ?? null, to), from: from ?? null, to }
      } catch (error) {
        if (error instanceof NoTranslationProvider) throw new HttpError(409, 'Conflict', error.message)
        throw new HttpError(502, 'Bad Gateway', `the translation provider could not translate it: ${(error as Error).message}`)
      }
    },
  )

  app.get(
    '/conversations/:id/translations',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: "The conversation's newest guest messages not written in `to` (100 at a time; `before` for older ones), translated into it",
        description:
          'Those not translated yet are translated in the background by the property’s provider (each then a message.updated event); ' +
          'without a provider, none. A message the provider could not translate stays as written (`failed`).',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        querystring: Type.Object(
          {
            to: Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z]{2,4})?$' }),
            before: Type.Optional(
              Type.String({ minLength: 1, maxLength: 100, description: "A message id: the window of guest messages older than it (a page's `nextBefore`)." }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: MessageTranslationsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const conversation = ownEntity(request, app.store.conversations.get(request.params.id), 'conversation', request.params.id)
      const { to, before } = request.query
      if (before !== undefined && !app.store.translations.isMessageOf(before, conversation.id)) {
        throw new HttpError(400, 'Bad Request', 'before names no message of this conversation', [
          { field: 'before', message: 'names no message of this conversation' },
        ])
      }
      return app.translation.messageTranslations(conversation, to, before)
    },
  )
}
