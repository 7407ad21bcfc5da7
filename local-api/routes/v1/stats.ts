import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { METRIC_KEYS, StatsQuery, StatsSchema, StatsSeriesQuery, StatsSeriesSchema, type MetricKey } from '../../../api-contract/index.js'
import type { Store } from '../../db/store.js'
import type { StatsRange } from '../../db/stats.js'
import { buckets, METRICS, percent } from '../../domain/stats.js'
import { HttpError } from '../../../sync-core/http/http-error.js'
import { problemResponses } from './schemas.js'

function measure(store: Store, range: StatsRange): Record<MetricKey, { value: number | null; numerator?: number; denominator?: number }> {
  const withGuest = store.stats.conversationsWithGuestMessage(range)
  const fast = store.stats.answeredWithin5s(range)
  const leads = store.stats.leads(range)
  return {
    activeConversations: { value: store.stats.activeConversations(range) },
    responseRate: { value: percent(fast, withGuest), numerator: fast, denominator: withGuest },
    faqResolved: { value: store.stats.faqResolved(range) },
    humanTransfers: { value: store.stats.humanTransfers(range) },
    capturedLeads: { value: store.stats.capturedLeads(range) },
    conversionRate: { value: percent(leads.converted, leads.total), numerator: leads.converted, denominator: leads.total },
  }
}

/** The inbox statistics for a period (and property), and the same over time. */
export const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const rangeOf = (query: { from: string; to: string; propertyId?: string }, tokenProperty: string | null | undefined): StatsRange => {
    const from = Date.parse(query.from)
    const to = Date.parse(query.to)
    if (!(to > from)) throw new HttpError(400, 'Bad Request', 'to must be after from')
    return { from, to, propertyId: tokenProperty ?? query.propertyId ?? null }
  }

  app.get(
    '/stats',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'The inbox statistics for a period, each with its definition',
        querystring: StatsQuery,
        response: { 200: StatsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const range = rangeOf(request.query, request.apiToken?.propertyId)
      const values = measure(app.store, range)
      return {
        from: new Date(range.from).toISOString(),
        to: new Date(range.to).toISOString(),
        metrics: METRIC_KEYS.map((key) => ({ key, ...METRICS[key], ...values[key] })),
      }
    },
  )

  app.get(
    '/stats/series',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'The statistics per day or per week (Monday first, UTC) over a period',
        querystring: StatsSeriesQuery,
        response: { 200: StatsSeriesSchema, ...problemResponses },
      },
    },
    async (request) => {
      const range = rangeOf(request.query, request.apiToken?.propertyId)
      const periods = buckets(range.from, range.to, request.query.bucket)
      if (periods.length > 370) throw new HttpError(400, 'Bad Request', 'the period has too many buckets; choose weeks or a shorter period')
      return {
        bucket: request.query.bucket,
        points: periods.map((period) => {
          const values = measure(app.store, { ...range, ...period })
          return {
            from: new Date(period.from).toISOString(),
            to: new Date(period.to).toISOString(),
            values: Object.fromEntries(METRIC_KEYS.map((key) => [key, values[key].value])),
          }
        }),
      }
    },
  )
}
