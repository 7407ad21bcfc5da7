import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Template } from '../../db/templates.js'
import { fillTemplate, templateVariables } from '../../domain/template-variables.js'
import { invalidInput, notFound } from '../../../sync-core/http/http-error.js'
import { templateContext } from '../../services/template-context.js'
import { ChannelSchema, IdParams, IsoDateTime, Name, NonBlankString, problemResponses } from './schemas.js'
import { ownEntity, targetProperty } from './property-scope.js'

const Approval = Type.Enum(['pending', 'approved', 'rejected'], { description: 'WhatsApp\'s approval; only approved templates may be sent after the 24 h window.' })
const TemplateSchema = Type.Object({
  id: Type.String(),
  propertyId: Type.String(),
  name: Type.String(),
  shortcut: Type.String(),
  body: Type.String(),
  variables: Type.Array(Type.String(), { description: 'The variables the body uses, e.g. guest.firstName.' }),
  language: Type.String(),
  channel: Type.Union([ChannelSchema, Type.Null()]),
  approval: Type.Union([Approval, Type.Null()]),
  updatedAt: IsoDateTime,
})
const view = (template: Template) => ({
  id: template.id,
  propertyId: template.propertyId,
  name: template.name,
  shortcut: template.shortcut,
  body: template.body,
  variables: templateVariables(template.body),
  language: template.language,
  channel: template.channel,
  approval: template.approval,
  updatedAt: new Date(template.updatedAt).toISOString(),
})
const Fields = {
  name: Name(100),
  shortcut: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9_-]+$', description: 'Typed after / in the composer.' }),
  body: NonBlankString(5000),
  language: Type.String({ minLength: 2, maxLength: 35 }),
  channel: Type.Union([ChannelSchema, Type.Null()]),
  approval: Type.Union([Approval, Type.Null()]),
}

/** Quick-reply templates: managed by admins, offered in the composer, filled per conversation. */
export const templateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/templates',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'Templates of a property (default: the first)',
        querystring: Type.Object({ propertyId: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Array(TemplateSchema), ...problemResponses },
      },
    },
    async (request) => app.store.templates.ofProperty(request.apiToken?.propertyId ?? request.query.propertyId ?? app.propertyFor(request).id).map(view),
  )

  app.post(
    '/templates',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Add a template (admin)',
        body: Type.Object(
          {
            propertyId: Type.Optional(Type.String({ maxLength: 100 })),
            name: Fields.name,
            shortcut: Fields.shortcut,
            body: Fields.body,
            language: Type.Optional(Fields.language),
            channel: Type.Optional(Fields.channel),
            approval: Type.Optional(Fields.approval),
          },
          { additionalProperties: false },
        ),
        response: { 201: TemplateSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = app.templates.create({ ...request.body, propertyId: targetProperty(app, request, request.body.propertyId) })
      if (!created.ok) throw invalidInput(created.problems)
      return reply.code(201).send(view(created.value))
    },
  )

  app.patch(
    '/templates/:id',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Edit a template (admin)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Fields.name),
            shortcut: Type.Optional(Fields.shortcut),
            body: Type.Optional(Fields.body),
            language: Type.Optional(Fields.language),
            channel: Type.Optional(Fields.channel),
            approval: Type.Optional(Fields.approval),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: TemplateSchema, ...problemResponses },
      },
    },
    async (request) => {
      const template = ownEntity(request, app.store.templates.get(request.params.id), 'template', request.params.id)
      const updated = app.templates.update(template, request.body)
      if (!updated.ok) throw invalidInput(updated.problems)
      return view(updated.value)
    },
  )

  app.delete(
    '/templates/:id',
    {
      preHandler: app.requireScope('admin'),
      schema: { tags: ['native'], summary: 'Remove a template (admin)', params: IdParams, response: { 204: Type.Null(), ...problemResponses } },
    },
    async (request, reply) => {
      const template = ownEntity(request, app.store.templates.get(request.params.id), 'template', request.params.id)
      app.templates.remove(template)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/conversations/:id/templates/:templateId',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'A template filled in for one conversation, ready to edit and send',
        params: Type.Object({ id: Type.String({ maxLength: 100 }), templateId: Type.String({ maxLength: 100 }) }),
        response: { 200: Type.Object({ text: Type.String(), missing: Type.Array(Type.String({ description: 'Variables without a value here, left out.' })) }), ...problemResponses },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.id)
      const template = app.store.templates.get(request.params.templateId)
      if (!template || template.propertyId !== conversation.propertyId) throw notFound('template', request.params.templateId)
      return fillTemplate(template.body, templateContext(app.store, conversation, request.agent?.name ?? null))
    },
  )
}
