import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { KnowledgeEntry } from '../../db/knowledge.js'
import { HttpError } from '../../plugins/http-error.js'
import { IdParams, IsoDateTime, NonBlankString, problemResponses } from './schemas.js'
import { ownEntity, targetProperty } from './property-scope.js'

const EntrySchema = Type.Object({
  id: Type.String(),
  propertyId: Type.String(),
  question: Type.String(),
  answer: Type.String({ description: 'May use variables such as {{guest.firstName}}, {{reservation.arrival}}, {{property.name}}.' }),
  tags: Type.String({ description: 'Words guests may use for this topic, space-separated.' }),
  language: Type.String(),
  updatedAt: IsoDateTime,
})
const view = (entry: KnowledgeEntry) => ({
  id: entry.id,
  propertyId: entry.propertyId,
  question: entry.question,
  answer: entry.answer,
  tags: entry.tags,
  language: entry.language,
  updatedAt: new Date(entry.updatedAt).toISOString(),
})
const Fields = {
  question: NonBlankString(500),
  answer: NonBlankString(5000),
  tags: Type.String({ maxLength: 500 }),
  language: Type.String({ minLength: 2, maxLength: 35 }),
}

/** The knowledge base (FAQ) the AI agent answers from; admins edit it, everyone reads it. */
export const knowledgeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/knowledge',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'The knowledge base of a property (default: the first), or the entries matching a question',
        querystring: Type.Object({ propertyId: Type.Optional(Type.String({ maxLength: 100 })), q: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }),
        response: { 200: Type.Array(EntrySchema), ...problemResponses },
      },
    },
    async (request) => {
      const propertyId = request.apiToken?.propertyId ?? request.query.propertyId ?? app.propertyFor(request).id
      const entries = request.query.q ? app.knowledge.retrieve(propertyId, request.query.q, 10) : app.store.knowledge.ofProperty(propertyId)
      return entries.map(view)
    },
  )

  app.post(
    '/knowledge',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Add a question and answer (admin)',
        body: Type.Object(
          { propertyId: Type.Optional(Type.String({ maxLength: 100 })), question: Fields.question, answer: Fields.answer, tags: Type.Optional(Fields.tags), language: Type.Optional(Fields.language) },
          { additionalProperties: false },
        ),
        response: { 201: EntrySchema, ...problemResponses },
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
        body: Type.Object(
          { question: Type.Optional(Fields.question), answer: Type.Optional(Fields.answer), tags: Type.Optional(Fields.tags), language: Type.Optional(Fields.language) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: EntrySchema, ...problemResponses },
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
