import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/api/client'
import type { BackgroundFailure, Health } from '@api-contract'
import { healthKeys } from '@/api/query-keys'

/** How long a failure of background work stays worth a notice; /v1/health keeps 24 hours. */
const NOTICE_MS = 60 * 60_000

export const healthOptions = () =>
  queryOptions({
    queryKey: healthKeys.status,
    queryFn: ({ signal }) => apiFetch<Health>('/v1/health', { signal }),
    refetchInterval: 30_000,
  })

/**
 * Background work that failed within the last hour, newest first. Sync is left out: the sync
 * indicator beside the notice says when it fails.
 */
export function useRecentBackgroundFailures(now: number): BackgroundFailure[] {
  const health = useQuery(healthOptions())
  return (health.data?.background ?? []).filter((failure) => failure.worker !== 'sync' && now - Date.parse(failure.lastAt) < NOTICE_MS)
}
