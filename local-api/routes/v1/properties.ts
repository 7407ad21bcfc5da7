import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Name, PropertySchema, ReplyTargetsSchema } from '../../../api-contract/index.js'
import type { Store } from '../../db/store.js'
import { createProperty, updateProperty } from '../../services/properties.js'
import { replyTargetsOf, replyTargetsProblem, saveReplyTargets } from '../../services/reply-targets.js'
import { HttpError, notFound } from '../../../sync-core/http/http-error.js'
import { IdParams, problemResponses } from './schemas.js'
import { boundProperty, deskWideOnly } from './property-scope.js'

const view = (store: Store, property: { id: string; name: string; defaultCountry: string; timeZone: string; createdAt: number }) => ({
  ...property,
  replyTargets: replyTargetsOf(store, property.id),
  createdAt: new Date(property.createdAt).toISOString(),
})

export const propertyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/properties',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'Every property of this desk (a property-bound token: its own)',
        response: { 200: Type.Array(PropertySchema), ...problemResponses },
      },
    },
    async (request) => {
      const bound = boundProperty(request)
      return app.store.properties
        .list()
        .filter((property) => !bound || property.id === bound)
        .map((property) => view(app.store, property))
    },
  )

  app.post(
    '/properties',
    {
      onRequest: deskWideOnly(app, 'add a property'),
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Add a property (admin; not a property-bound token)',
        body: Type.Object(
          {
            name: Name(200),
            defaultCountry: Type.String({ pattern: '^[A-Za-z]{2}$' }),
            timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: PropertySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      try {
        return reply.code(201).send(view(app.store, createProperty(app.store, request.body, app.clock())))
      } catch (error) {
        if (error instanceof RangeError) throw new HttpError(400, 'Bad Request', error.message)
        throw error
      }
    },
  )

  app.patch(
    '/properties/:id',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Rename a property or change its phone country, time zone or reply targets (admin)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Name(200)),
            defaultCountry: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
            timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            replyTargets: Type.Optional(ReplyTargetsSchema),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: PropertySchema, ...problemResponses },
      },
    },
    async (request) => {
      const property = app.store.properties.get(request.params.id)
      const bound = boundProperty(request)
      if (!property || (bound && property.id !== bound)) throw notFound('property', request.params.id)
      const { replyTargets, ...settings } = request.body
      const problem = replyTargets && replyTargetsProblem(replyTargets)
      if (problem) throw new HttpError(400, 'Bad Request', problem)
      try {
        const updated = Object.keys(settings).length ? updateProperty(app.store, property, { ...property, ...settings }, app.clock()) : property
        if (replyTargets) saveReplyTargets(app.store, property.id, replyTargets)
        return view(app.store, updated)
      } catch (error) {
        if (error instanceof RangeError) throw new HttpError(400, 'Bad Request', error.message)
        throw error
      }
    },
  )
}
