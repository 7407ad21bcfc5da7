import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Arrivals } from '@api-contract'
import { apiFetch, queryString } from '@/api/client'
import { arrivalKeys } from '@/api/query-keys'

export type ArrivalDay = 'today' | 'tomorrow'

export const fetchArrivals = (day: ArrivalDay, signal?: AbortSignal) => apiFetch<Arrivals>(`/v1/arrivals${queryString({ day })}`, { signal })

export const arrivalsOptions = (day: ArrivalDay) => queryOptions({ queryKey: arrivalKeys.day(day), queryFn: ({ signal }) => fetchArrivals(day, signal) })

/** Who arrives on the day, each with their conversations: unanswered and unread first. */
export const useArrivals = (day: ArrivalDay) => useQuery(arrivalsOptions(day))
