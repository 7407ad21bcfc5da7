import { QueryClient } from '@tanstack/react-query'
import { isApiError } from '@/api/client'

/** Server state lives here. Live events keep it fresh, so queries need no polling or focus refetches. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      // A 4xx will not heal by asking again; a dropped connection might.
      retry: (failures, error) => !isApiError(error) || (error.status >= 500 && failures < 2),
    },
  },
})
