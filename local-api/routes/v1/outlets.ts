import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Name, OutletSchema } from '../../../api-contract/index.js'
import type { Outlet } from '../../db/outlets.js'
import { invalidInput } from '../../../sync-core/http/http-error.js'
import { IdParams, problemResponses } from './schemas.js'
import { ownEntity, targetProperty } from './property-scope.js'

const view = ({ createdAt: _createdAt, ...outlet }: Outlet) => outlet
const Code = Type.String({ minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9_.-]+$' })

/** Outlets (departments) of the properties: the guest app writes to them; the inbox filters by them. */
export const outletRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/outlets',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'Outlets (departments), in display order',
        querystring: Type.Object({ propertyId: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Array(OutletSchema), ...problemResponses },
      },
    },
    async (request) => {
      const propertyId = request.apiToken?.propertyId ?? request.query.propertyId
      return (propertyId ? app.store.outlets.ofProperty(propertyId) : app.store.outlets.list()).map(view)
    },
  )

  app.post(
    '/outlets',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Add an outlet (admin)',
        body: Type.Object(
          {
            propertyId: Type.Optional(Type.String({ maxLength: 100, description: 'Defaults to the first property.' })),
            code: Code,
            name: Name(200),
            available: Type.Optional(Type.Boolean()),
            position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: OutletSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = app.outlets.create({ ...request.body, propertyId: targetProperty(app, request, request.body.propertyId) })
      if (!created.ok) throw invalidInput(created.problems)
      return reply.code(201).send(view(created.value))
    },
  )

  app.patch(
    '/outlets/:id',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Rename, recode, reorder or (un)make available an outlet (admin)',
        params: IdParams,
        body: Type.Object(
          {
            code: Type.Optional(Code),
            name: Type.Optional(Name(200)),
            available: Type.Optional(Type.Boolean()),
            position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: OutletSchema, ...problemResponses },
      },
    },
    async (request) => {
      const outlet = ownEntity(request, app.store.outlets.get(request.params.id), 'outlet', request.params.id)
      const updated = app.outlets.update(outlet, request.body)
      if (!updated.ok) throw invalidInput(updated.problems)
      return view(updated.value)
    },
  )
}
