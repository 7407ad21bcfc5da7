import type { MetricKey } from '../../api-contract/stats.js'
import type { Store } from '../db/store.js'
import type { PropertyDays, RollupCounts, StatsBuildProgress } from '../db/stats.js'
import { dateOfDay, dayAt, startOfDay } from '../domain/calendar-days.js'
import { percent } from '../domain/stats.js'
import { unreported, type WorkerReport } from './background-failures.js'

/** A period asked for: instants (ms, `to` excluded), optionally of one property. */
export interface StatsRange {
  propertyId: string | null
  from: number
  to: number
}

export type MetricValues = Record<MetricKey, { value: number | null; numerator?: number; denominator?: number }>

export interface SeriesPoint {
  from: number
  to: number
  /** The bucket's first day, YYYY-MM-DD. */
  date: string
  values: MetricValues
}

/** How long one chunk of counting existing conversations may hold the store (then requests go first). */
const BUILD_CHUNK_MS = 50
/** After a failed chunk (the store busy or full), the next try. */
const BUILD_RETRY_MS = 5000

function valuesOf(counts: RollupCounts): MetricValues {
  return {
    activeConversations: { value: counts.active },
    responseRate: { value: percent(counts.fast, counts.guest), numerator: counts.fast, denominator: counts.guest },
    faqResolved: { value: counts.faq },
    humanTransfers: { value: counts.transfers },
    capturedLeads: { value: counts.captured },
    conversionRate: { value: percent(counts.converted, counts.leads), numerator: counts.converted, denominator: counts.leads },
  }
}

const emptyValues = (): MetricValues => valuesOf({ active: 0, guest: 0, fast: 0, captured: 0, faq: 0, transfers: 0, leads: 0, converted: 0 })
const unknownValues = (): MetricValues => Object.fromEntries(Object.keys(emptyValues()).map((key) => [key, { value: null }])) as unknown as MetricValues

/**
 * The inbox statistics from the store's rollups. A period counts every day it touches, each in its
 * property's own time zone. While existing conversations are still being counted (after an upgrade,
 * or a property's time zone changed) the values are unknown and `preparing` says how far it is.
 */
export function createStatsService(store: Store, clock: () => number, report: WorkerReport = unreported()) {
  let building: ReturnType<typeof setTimeout> | undefined
  let stopped = true

  const propertiesOf = (propertyId: string | null) => (propertyId ? [store.properties.get(propertyId)].filter((p) => p !== undefined) : store.properties.list())

  function daysOf(range: StatsRange): (PropertyDays & { timeZone: string })[] {
    return propertiesOf(range.propertyId).map((property) => ({
      propertyId: property.id,
      timeZone: property.timeZone,
      from: dayAt(range.from, property.timeZone),
      to: dayAt(range.to - 1, property.timeZone),
    }))
  }

  function progress(range: StatsRange): StatsBuildProgress | null {
    // Changes written outside the store's transactions are counted now.
    if (!store.readOnly) store.stats.catchUp()
    const found = store.stats.buildProgress(range.propertyId ? [range.propertyId] : null)
    if (found) startBuilding()
    return found
  }

  function buildStep(): void {
    building = undefined
    if (stopped || store.readOnly || !store.stats.buildProgress(null)) return
    try {
      store.transaction(() => store.stats.buildChunk(BUILD_CHUNK_MS, clock))
      // setTimeout, not setImmediate: requests waiting on the event loop run between chunks.
      building = setTimeout(buildStep, 1)
    } catch (error) {
      report.failed('could not count existing conversations for the statistics; trying again shortly', { error, level: 'warn' })
      building = setTimeout(buildStep, BUILD_RETRY_MS)
    }
  }

  function startBuilding(): void {
    if (!stopped && !building) building = setTimeout(buildStep, 0)
  }

  return {
    summary(range: StatsRange): { values: MetricValues; preparing: StatsBuildProgress | null } {
      const preparing = progress(range)
      if (preparing) return { values: unknownValues(), preparing }
      return { values: valuesOf(store.stats.period(daysOf(range))), preparing: null }
    },

    /** The statistics per day, or per week (Monday first), of each property's own calendar. */
    series(range: StatsRange, bucket: 'day' | 'week'): { points: SeriesPoint[]; preparing: StatsBuildProgress | null } {
      const preparing = progress(range)
      const days = daysOf(range)
      if (!days.length) return { points: [], preparing }
      const first = Math.min(...days.map((d) => d.from))
      const last = Math.max(...days.map((d) => d.to))
      const zones = new Set(days.map((d) => d.timeZone))
      // One time zone: the bucket's own midnights; several: the dates' UTC midnights.
      const zone = zones.size === 1 ? days[0]!.timeZone : 'UTC'
      const point = (from: number, to: number, values: MetricValues): SeriesPoint => ({
        from: startOfDay(from, zone),
        to: startOfDay(to + 1, zone),
        date: dateOfDay(from),
        values,
      })
      const buckets: [number, number][] = []
      for (let day = first; day <= last;) {
        const end = bucket === 'day' ? day : Math.min(last, day + 6 - ((day + 3) % 7)) // 1970-01-01, day 0, was a Thursday
        buckets.push([day, end])
        day = end + 1
      }
      if (preparing) return { points: buckets.map(([from, to]) => point(from, to, unknownValues())), preparing }
      if (bucket === 'day') {
        const daily = store.stats.daily(days)
        return { points: buckets.map(([day]) => point(day, day, daily.has(day) ? valuesOf(daily.get(day)!) : emptyValues())), preparing: null }
      }
      return {
        points: buckets.map(([from, to]) => {
          const within = days.map((d) => ({ ...d, from: Math.max(d.from, from), to: Math.min(d.to, to) })).filter((d) => d.from <= d.to)
          return point(from, to, valuesOf(store.stats.period(within)))
        }),
        preparing: null,
      }
    },

    /** Number of buckets a series would have (checked before computing it). */
    bucketCount(range: StatsRange, bucket: 'day' | 'week'): number {
      const days = daysOf(range)
      if (!days.length) return 0
      const span = Math.max(...days.map((d) => d.to)) - Math.min(...days.map((d) => d.from)) + 1
      return bucket === 'day' ? span : Math.ceil(span / 7) + 1
    },

    /** Counts existing conversations in the background, a chunk at a time, until every property is done. */
    start(): void {
      stopped = false
      startBuilding()
    },
    stop(): void {
      stopped = true
      clearTimeout(building)
      building = undefined
    },
  }
}

export type StatsService = ReturnType<typeof createStatsService>
