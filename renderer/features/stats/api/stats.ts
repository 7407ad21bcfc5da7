import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Stats, StatsPeriod, StatsSeries, StatsSeriesPeriod } from '@api-contract'
import { apiFetch, queryString } from '@/api/client'
import { statsKeys } from '@/api/query-keys'

export type Period = 'today' | '7d' | '30d'

/** A period ending now: today since local midnight, or the last 7 or 30 days. */
export function periodRange(period: Period, now: number): { from: string; to: string } {
  const midnight = new Date(now)
  midnight.setHours(0, 0, 0, 0)
  const from = period === 'today' ? midnight.getTime() : midnight.getTime() - (period === '7d' ? 6 : 29) * 86_400_000
  return { from: new Date(from).toISOString(), to: new Date(now + 60_000).toISOString() }
}

/** While the desk still counts its conversations (after an upgrade), asks again every few seconds. */
const whilePreparing = (query: { state: { data?: Stats | StatsSeries } }) => (query.state.data?.preparing ? 3000 : false)

/** "45 %" of the conversations counted so far. */
export const preparedPercent = ({ done, total }: { done: number; total: number }) => (total ? Math.floor((done / total) * 100) : 0)

export const statsOptions = (range: StatsPeriod) =>
  queryOptions({
    queryKey: statsKeys.summary(range),
    queryFn: ({ signal }) => apiFetch<Stats>(`/v1/stats${queryString(range)}`, { signal }),
    staleTime: 30_000,
    refetchInterval: whilePreparing,
  })

export const useStats = (range: StatsPeriod) => useQuery(statsOptions(range))

export const seriesOptions = (range: StatsSeriesPeriod) =>
  queryOptions({
    queryKey: statsKeys.series(range),
    queryFn: ({ signal }) => apiFetch<StatsSeries>(`/v1/stats/series${queryString(range)}`, { signal }),
    refetchInterval: whilePreparing,
  })

export const useSeries = (range: StatsSeriesPeriod) => useQuery(seriesOptions(range))
