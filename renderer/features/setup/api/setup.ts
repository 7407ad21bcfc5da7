import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/api/client'
import type { SetupRequest, SetupResult, SetupStatus } from '@api-contract'
import { sessionKeys, setupKeys } from '@/api/query-keys'

export const fetchSetupStatus = (signal?: AbortSignal) => apiFetch<SetupStatus>('/v1/setup', { signal })

export const setupStatusOptions = () =>
  queryOptions({
    queryKey: setupKeys.status,
    queryFn: ({ signal }) => fetchSetupStatus(signal),
    staleTime: Infinity,
    // A desk joining its central server is followed until the first sync is through.
    refetchInterval: (query) => (query.state.data?.joining ? 1_000 : false),
  })

export const useSetupStatus = () => useQuery(setupStatusOptions())

/** Runs first-run setup; the new admin comes back signed in. */
export function useRunSetup() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: SetupRequest) => apiFetch<SetupResult>('/v1/setup', { method: 'POST', body: request }),
    onSuccess: ({ agent }) => {
      queryClient.setQueryData(sessionKeys.current, agent)
      queryClient.setQueryData<SetupStatus>(setupKeys.status, { needsSetup: false, joining: false, progress: null })
    },
  })
}
