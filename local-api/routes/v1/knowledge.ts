import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { KnowledgeEntryChangesBody, KnowledgeEntrySchema, KnowledgeUsageSchema, NewKnowledgeEntryBody } from '../../../api-contract/index.js'
import type { KnowledgeEntry } from '../../db/knowledge.js'
import { HttpError } from '../../../sync-core/http/http-error.js'
import { IdParams, problemResponses } from './schemas.js'
import { ownEntity, targetProperty } from './property-scope.js'

const view = (entry: KnowledgeEntry) => ({
  id: entry.id,
  propertyId: entry.propertyId,
  question: entry.question,
  answer: entry.answer,
  tags: entry.tags,
  language: entry.language,
  phrasings: entry.phrasings,
  answers: entry.answers,
  updatedAt: new Date(entry.updatedAt).toISOString(),
})

/** The knowledge base (FAQ) the AI agent answers from; admins edit it, everyone reads it. */
export const knowledgeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/knowledge',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'The knowledge base of a property (default: the first), or the entries matching a question',
        querystring: Type.Object({
          propertyId: Type.Optional(Type.String({ maxLength: 100 })),
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
        }),
        response: { 200: Type.Array(KnowledgeEntrySchema), ...problemResponses },
      },
    },
    async (request) => {
      const propertyId = request.apiToken?.propertyId ?? request.query.propertyId ?? app.propertyFor(request).id
      const entries = request.query.q ? app.knowledge.search(propertyId, request.query.q) : app.store.knowledge.ofProperty(propertyId)
      return entries.map(view)
    },
  )

  app.get(
    '/knowledge/usage',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary:
          'How often each entry answered a guest or was suggested to staff (and what staff did), and the guest questions that found nothing, newest first',
        querystring: Type.Object({ propertyId: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: KnowledgeUsageSchema, ...problemResponses },
      },
    },
    async (request) => {
      const propertyId = request.apiToken?.propertyId ?? request.query.propertyId ?? app.propertyFor(request).id
      const uses = app.store.knowledge.usesOf(propertyId)
      const none = { answered: 0, suggested: 0, sent: 0, edited: 0, dismissed: 0 }
      return {
        entries: app.store.knowledge.ofProperty(propertyId).map((entry) => ({ entryId: entry.id, question: entry.question, ...none, ...uses.get(entry.id) })),
        gaps: app.store.knowledge.gapsOf(propertyId).map((gap) => ({
          question: gap.question,
          language: gap.language,
          conversationId: gap.conversationId,
          createdAt: new Date(gap.createdAt).toISOString(),
        })),
      }
    },
  )

  app.post(
    '/knowledge',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Add a question and answer (admin)',
        body: NewKnowledgeEntryBody,
        response: { 201: KnowledgeEntrySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const propertyId = targetProperty(app, request, request.body.propertyId)
      if (!app.store.properties.get(propertyId)) throw new HttpError(400, 'Bad Request', `propertyId names no property (${propertyId})`)
      return reply.code(201).send(view(app.knowledge.create({ ...request.body, propertyId })))
    },
  )

  app.patch(
    '/knowledge/:id',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Edit a question and answer (admin)',
        params: IdParams,
        body: KnowledgeEntryChangesBody,
        response: { 200: KnowledgeEntrySchema, ...problemResponses },
      },
    },
    async (request) => {
      const entry = ownEntity(request, app.store.knowledge.get(request.params.id), 'knowledge entry', request.params.id)
      return view(app.knowledge.update(entry, request.body))
    },
  )

  app.delete(
    '/knowledge/:id',
    {
      preHandler: app.requireScope('admin'),
      schema: { tags: ['native'], summary: 'Remove a question and answer (admin)', params: IdParams, response: { 204: Type.Null(), ...problemResponses } },
    },
    async (request, reply) => {
      const entry = ownEntity(request, app.store.knowledge.get(request.params.id), 'knowledge entry', request.params.id)
      app.knowledge.remove(entry)
      return reply.code(204).send(null)
    },
  )
}
