import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { METRIC_KEYS, StatsQuery, StatsSchema, StatsSeriesQuery, StatsSeriesSchema } from '../../../api-contract/index.js'
import type { StatsRange } from '../../services/stats.js'
import { METRICS } from '../../domain/stats.js'
import { HttpError } from '../../../sync-core/http/http-error.js'
import { problemResponses } from './schemas.js'

/** The inbox statistics for a period (and property), and the same over time. */
export const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const rangeOf = (query: { from: string; to: string; propertyId?: string }, tokenProperty: string | null | undefined): StatsRange => {
    const from = Date.parse(query.from)
    const to = Date.parse(query.to)
    if (!(to > from)) throw new HttpError(400, 'Bad Request', 'to must be after from')
    return { from, to, propertyId: tokenProperty ?? query.propertyId ?? null }
  }
  const iso = (ms: number) => new Date(ms).toISOString()

  app.get(
    '/stats',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: "The inbox statistics for a period (every day it touches, in each property's time zone), each with its definition",
        querystring: StatsQuery,
        response: { 200: StatsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const range = rangeOf(request.query, request.apiToken?.propertyId)
      const { values, preparing } = app.stats.summary(range)
      return {
        from: iso(range.from),
        to: iso(range.to),
        metrics: METRIC_KEYS.map((key) => ({ key, ...METRICS[key], ...values[key] })),
        ...(preparing && { preparing }),
      }
    },
  )

  app.get(
    '/stats/series',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: "The statistics per day or per week (Monday first) of each property's own calendar over a period",
        querystring: StatsSeriesQuery,
        response: { 200: StatsSeriesSchema, ...problemResponses },
      },
    },
    async (request) => {
      const range = rangeOf(request.query, request.apiToken?.propertyId)
      if (app.stats.bucketCount(range, request.query.bucket) > 370) {
        throw new HttpError(400, 'Bad Request', 'the period has too many buckets; choose weeks or a shorter period')
      }
      const { points, preparing } = app.stats.series(range, request.query.bucket)
      return {
        bucket: request.query.bucket,
        points: points.map((point) => ({
          from: iso(point.from),
          to: iso(point.to),
          date: point.date,
          values: Object.fromEntries(METRIC_KEYS.map((key) => [key, point.values[key].value])),
        })),
        ...(preparing && { preparing }),
      }
    },
  )
}
