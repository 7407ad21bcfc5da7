import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ConversationFilterFields } from '../../../api-contract/index.js'
import { EXPORT_COLUMNS } from '../../services/export.js'
import { conversationFilter } from './conversation-filters.js'

/** The filtered history as CSV, for scripts and the inbox's Export button. */
export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/export.csv',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: "Every message of the conversations the list's filters select, as CSV (streamed)",
        description:
          `One row per message: ${EXPORT_COLUMNS.join(', ')}. Streamed in constant memory; the x-export-rows header ` +
          'says how many rows follow. Cells starting with = + - @ get a leading apostrophe (no spreadsheet formulas).',
        querystring: Type.Object({
          ...ConversationFilterFields,
          translateTo: Type.Optional(
            Type.String({
              pattern: '^[a-z]{2,3}(-[A-Za-z]{2,4})?$',
              description: "The reader's language: the translation column holds each guest message's kept translation into it.",
            }),
          ),
        }),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { translateTo, ...filters } = request.query
      const { rows, stream } = await app.exporter.csv(conversationFilter(app, request, filters), translateTo)
      const day = new Date(app.clock()).toISOString().slice(0, 10)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="frontdesk-export-${day}.csv"`)
        .header('x-export-rows', rows)
        .header('cache-control', 'no-store')
        .send(stream)
    },
  )
}
