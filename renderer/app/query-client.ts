import { MutationCache, QueryCache, type QueryClient } from '@tanstack/react-query'
import { isApiError, mayHealByRetrying } from '@/api/client'
import { sessionKeys } from '@/api/query-keys'
import { DeskQueryClient } from '@/queries/desk-query-client'
import { fetchStartsOf } from '@/queries/fetch-starts'

/** A 401 anywhere means the session ended (expired, signed out elsewhere, agent deactivated): back to sign-in. */
function onError(error: Error) {
  if (isApiError(error, 401) && queryClient.getQueryData(sessionKeys.current)) queryClient.setQueryData(sessionKeys.current, null)
}

/** Server state lives here. Live events keep it fresh, so queries need no polling or focus refetches. */
export const queryClient: QueryClient = new DeskQueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      // A 4xx will not heal by asking again; a dropped connection might. What still fails shows a
      // QueryFailure, which keeps asking until the server answers again.
      retry: (failures, error) => failures < 2 && mayHealByRetrying(error),
    },
  },
})

// From the first request on: the live stream refreshes only what was asked before it opened.
fetchStartsOf(queryClient)
