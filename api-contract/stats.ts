import { Type, type Static } from 'typebox'

/** The inbox statistics, in the order they are shown (their definitions: the desk's domain/stats.ts). */
export const METRIC_KEYS = ['activeConversations', 'responseRate', 'faqResolved', 'humanTransfers', 'capturedLeads', 'conversionRate'] as const
export type MetricKey = (typeof METRIC_KEYS)[number]

const Range = {
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  propertyId: Type.Optional(Type.String({ maxLength: 100 })),
}
const Value = Type.Union([Type.Number(), Type.Null()], { description: 'null: nothing to divide by' })

/** GET /v1/stats */
export const StatsQuery = Type.Object(Range)
export type StatsPeriod = Static<typeof StatsQuery>

export const MetricSchema = Type.Object({
  key: Type.Enum([...METRIC_KEYS]),
  label: Type.String(),
  unit: Type.Enum(['count', 'percent']),
  definition: Type.String(),
  value: Value,
  numerator: Type.Optional(Type.Integer()),
  denominator: Type.Optional(Type.Integer()),
})
export type Metric = Static<typeof MetricSchema>

/** While the desk is still counting its existing conversations (after an upgrade, or a time zone changed), values are null. */
const Preparing = Type.Optional(
  Type.Object({ done: Type.Integer(), total: Type.Integer() }, { description: 'Conversations counted so far, of all; the values are null until done' }),
)

export const StatsSchema = Type.Object({ from: Type.String(), to: Type.String(), metrics: Type.Array(MetricSchema), preparing: Preparing })
export type Stats = Static<typeof StatsSchema>

/** GET /v1/stats/series */
export const StatsSeriesQuery = Type.Object({ ...Range, bucket: Type.Enum(['day', 'week'], { default: 'day' }) })
export type StatsSeriesPeriod = Static<typeof StatsSeriesQuery>

export const StatsSeriesSchema = Type.Object({
  bucket: Type.Enum(['day', 'week']),
  points: Type.Array(
    Type.Object({
      from: Type.String(),
      to: Type.String(),
      date: Type.String({ description: "The bucket's first day (YYYY-MM-DD) in the property's calendar" }),
      values: Type.Record(Type.String(), Value),
    }),
  ),
  preparing: Preparing,
})
export type StatsSeries = Static<typeof StatsSeriesSchema>
export type SeriesPoint = StatsSeries['points'][number]
