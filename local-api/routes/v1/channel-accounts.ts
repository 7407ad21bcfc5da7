import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ChannelAccountChangesBody, ChannelAccountSchema, NewChannelAccountBody } from '../../../api-contract/index.js'
import type { ChannelAccount } from '../../db/channel-accounts.js'
import { invalidInput } from '../../../sync-core/http/http-error.js'
import { IdParams, problemResponses } from './schemas.js'
import { ownEntity, targetProperty } from './property-scope.js'

const view = ({ webhookSecret, ...account }: ChannelAccount) => ({
  ...account,
  hasWebhookSecret: Boolean(webhookSecret),
  createdAt: new Date(account.createdAt).toISOString(),
})

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
      return app.store.channelAccounts
        .list()
        .filter((a) => !tokenProperty || a.propertyId === tokenProperty)
        .map(view)
    },
  )

  app.post(
    '/channel-accounts',
    {
      preHandler: app.requireScope('admin'),
      schema: {
        tags: ['native'],
        summary: 'Add a channel account (admin)',
        body: NewChannelAccountBody,
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
        body: ChannelAccountChangesBody,
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
