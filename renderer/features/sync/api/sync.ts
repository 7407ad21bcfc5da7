import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/api/client'
import type { SyncConnect, SyncParkedRetry, SyncStatus } from '@api-contract'
import { syncKeys } from '@/api/query-keys'

export const syncStatusOptions = () =>
  queryOptions({
    queryKey: syncKeys.status,
    queryFn: ({ signal }) => apiFetch<SyncStatus>('/v1/sync', { signal }),
    // Often while something moves (or is stuck), rarely while all is quiet.
    refetchInterval: (query) => {
      const status = query.state.data
      if (!status || status.state === 'off') return 60_000
      return status.state === 'idle' && status.pendingOps === 0 ? 10_000 : 2_000
    },
  })

export const useSyncStatus = () => useQuery(syncStatusOptions())

/** Asks the desk to sync right away. */
export function useSyncNow() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiFetch<SyncStatus>('/v1/sync/now', { method: 'POST' }),
    onSuccess: (status) => queryClient.setQueryData(syncKeys.status, status),
  })
}

/** Applies other desks' parked changes again (admins, after an upgrade). */
export function useRetryParked() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiFetch<SyncParkedRetry>('/v1/sync/parked/retry', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: syncKeys.status }),
  })
}

/** Connects this desk to a central server with a device credential (admins). */
export function useConnectSync() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SyncConnect) => apiFetch<SyncStatus>('/v1/sync', { method: 'PUT', body }),
    onSuccess: (status) => queryClient.setQueryData(syncKeys.status, status),
  })
}
