import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Name, ServiceRecordBody, ServiceRecordSchema } from '../../../api-contract/index.js'
import type { ServiceRecord } from '../../db/service-records.js'
import { invalidInput } from '../../../sync-core/http/http-error.js'
import { IdParams, problemResponses } from './schemas.js'
import { ownEntity, targetProperty } from './property-scope.js'

const CustomFieldSchema = Type.Object({ id: Type.String(), propertyId: Type.String(), name: Type.String() })

/** Custom fields per property, and each conversation's service record (a memo and their values). */
export const serviceRecordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  function recordView(propertyId: string, conversationId: string, record: ServiceRecord | undefined) {
    return {
      conversationId,
      memo: record?.memo ?? '',
      values: app.store.customFields.ofProperty(propertyId).map((field) => ({ id: field.id, name: field.name, value: record?.values[field.id] ?? '' })),
      updatedAt: record ? new Date(record.updatedAt).toISOString() : null,
    }
  }

  app.get(
    '/custom-fields',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: "The custom fields of a property's service records",
        querystring: Type.Object({ propertyId: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Array(CustomFieldSchema), ...problemResponses },
      },
    },
    async (request) => {
      const propertyId = request.apiToken?.propertyId ?? request.query.propertyId ?? app.propertyFor(request).id
      return app.store.customFields.ofProperty(propertyId).map(({ id, name }) => ({ id, propertyId, name }))
    },
  )

  app.post(
    '/custom-fields',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: "Add a custom field to a property's service records (admin)",
        body: Type.Object({ propertyId: Type.Optional(Type.String({ maxLength: 100 })), name: Name(100) }, { additionalProperties: false }),
        response: { 201: CustomFieldSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = app.serviceRecords.createField(targetProperty(app, request, request.body.propertyId), request.body.name)
      if (!created.ok) throw invalidInput(created.problems)
      const { id, propertyId, name } = created.value
      return reply.code(201).send({ id, propertyId, name })
    },
  )

  app.patch(
    '/custom-fields/:id',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Rename a custom field (admin)',
        params: IdParams,
        body: Type.Object({ name: Name(100) }, { additionalProperties: false }),
        response: { 200: CustomFieldSchema, ...problemResponses },
      },
    },
    async (request) => {
      const field = ownEntity(request, app.store.customFields.get(request.params.id), 'custom field', request.params.id)
      app.serviceRecords.renameField(field.id, request.body.name)
      return { id: field.id, propertyId: field.propertyId, name: request.body.name }
    },
  )

  app.get(
    '/conversations/:id/service-record',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: { tags: ['native'], summary: "A conversation's service record", params: IdParams, response: { 200: ServiceRecordSchema, ...problemResponses } },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.id)
      return recordView(conversation.propertyId, conversation.id, app.store.serviceRecords.get(conversation.id))
    },
  )

  app.put(
    '/conversations/:id/service-record',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: "Edit a conversation's service record: the memo, and values of custom fields (by id)",
        params: IdParams,
        body: ServiceRecordBody,
        response: { 200: ServiceRecordSchema, ...problemResponses },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.id)
      const saved = app.serviceRecords.save(conversation, request.body)
      if (!saved.ok) throw invalidInput(saved.problems)
      return recordView(conversation.propertyId, conversation.id, saved.value)
    },
  )
}
