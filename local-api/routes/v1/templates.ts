import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { FilledTemplateSchema, NewTemplateBody, TemplateChangesBody, TemplateSchema } from '../../../api-contract/index.js'
import type { Template } from '../../db/templates.js'
import { fillTemplate, templateVariables } from '../../domain/template-variables.js'
import { invalidInput, notFound } from '../../../sync-core/http/http-error.js'
import { templateContext } from '../../services/template-context.js'
import { IdParams, problemResponses } from './schemas.js'
import { ownEntity, targetProperty } from './property-scope.js'

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
        body: NewTemplateBody,
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
        body: TemplateChangesBody,
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
        response: { 200: FilledTemplateSchema, ...problemResponses },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.id)
      const template = app.store.templates.get(request.params.templateId)
      if (!template || template.propertyId !== conversation.propertyId) throw notFound('template', request.params.templateId)
      return fillTemplate(template.body, templateContext(app.store, conversation, request.agent?.name ?? null, { now: app.clock() }))
    },
  )
}
