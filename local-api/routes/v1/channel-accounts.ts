import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { ChannelAccount } from '../../db/channel-accounts.js'
import { invalidInput } from '../../plugins/http-error.js'
import { ChannelSchema, IdParams, IsoDateTime, Name, problemResponses } from './schemas.js'
import { ownEntity, targetProperty } from './property-scope.js'

const ChannelAccountSchema = Type.Object({
  id: Type.String(),
  propertyId: Type.String(),
  channel: ChannelSchema,
  code: Type.String({ description: 'What the text-call path may name the account by, instead of its id.' }),
  name: Type.String(),
  webhookUrl: Type.Union([Type.String(), Type.Null()], { description: 'Where replies in its conversations are POSTed (signed JSON).' }),
  hasWebhookSecret: Type.Boolean({ description: 'The secret itself is never shown again.' }),
  createdAt: IsoDateTime,
})
const view = ({ webhookSecret, ...account }: ChannelAccount) => ({
  ...account,
  hasWebhookSecret: Boolean(webhookSecret),
  createdAt: new Date(account.createdAt).toISOString(),
})
const WebhookUrl = Type.Union([Type.String({ maxLength: 2000, pattern: '^https?://', description: 'http(s) address' }), Type.Null()])
const WebhookSecret = Type.Union([Type.String({ minLength: 16, maxLength: 200, description: 'At least 16 characters; signs every webhook call.' }), Type.Null()])
const Code = Type.String({ minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9_.-]+$' })

/** Channel accounts ("onsite accounts"): the sources text calls come from, e.g. "Japan website". */
export const channelAccountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/channel-accounts',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: { tags: ['native'], summary: 'Channel accounts', response: { 200: Type.Array(ChannelAccountSchema), ...problemResponses } },
    },
    async (request) => {
      const tokenProperty = request.apiToken?.propertyId
      return app.store.channelAccounts.list().filter((a) => !tokenProperty || a.propertyId === tokenProperty).map(view)
    },
  )

  app.post(
    '/channel-accounts',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Add a channel account (admin)',
        body: Type.Object(
          {
            propertyId: Type.Optional(Type.String({ maxLength: 100, description: 'Defaults to the first property.' })),
            channel: ChannelSchema,
            code: Code,
            name: Name(200),
            webhookUrl: Type.Optional(WebhookUrl),
            webhookSecret: Type.Optional(WebhookSecret),
          },
          { additionalProperties: false },
        ),
        response: { 201: ChannelAccountSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = app.channelAccounts.create({ ...request.body, propertyId: targetProperty(app, request, request.body.propertyId) })
      if (!created.ok) throw invalidInput(created.problems)
      return reply.code(201).send(view(created.value))
    },
  )

  app.patch(
    '/channel-accounts/:id',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Rename or recode a channel account, change its channel, or set the webhook its replies go to (admin)',
        params: IdParams,
        body: Type.Object(
          {
            channel: Type.Optional(ChannelSchema),
            code: Type.Optional(Code),
            name: Type.Optional(Name(200)),
            webhookUrl: Type.Optional(WebhookUrl),
            webhookSecret: Type.Optional(WebhookSecret),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ChannelAccountSchema, ...problemResponses },
      },
    },
    async (request) => {
      const account = ownEntity(request, app.store.channelAccounts.get(request.params.id), 'channel account', request.params.id)
      const updated = app.channelAccounts.update(account, request.body)
      if (!updated.ok) throw invalidInput(updated.problems)
      return view(updated.value)
    },
  )
}
