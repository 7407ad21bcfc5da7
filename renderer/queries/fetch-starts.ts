import type { Query, QueryClient } from '@tanstack/react-query'

export interface FetchStarts {
  /** Whether `query` last started fetching before `moment` (performance.now()), or never fetched. */
  askedBefore(query: Query, moment: number): boolean
  stop(): void
}

/**
 * Notes when each query last started fetching, so that what was asked before a moment can be told
 * from what was asked after it. The live stream needs this: an answer asked after the stream opened
 * already holds everything the stream did not deliver, so only answers asked before need asking again.
 */
export function trackFetchStarts(queryClient: QueryClient, now: () => number = () => performance.now()): FetchStarts {
  const startedAt = new WeakMap<Query, number>()
  const stop = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'fetch') startedAt.set(event.query, now())
  })
  return { askedBefore: (query, moment) => (startedAt.get(query) ?? -Infinity) < moment, stop }
}

const trackers = new WeakMap<QueryClient, FetchStarts>()

/** The fetch starts of `queryClient`, noted from this first call on (the app makes it as it creates the client). */
export function fetchStartsOf(queryClient: QueryClient): FetchStarts {
  let tracker = trackers.get(queryClient)
  if (!tracker) trackers.set(queryClient, (tracker = trackFetchStarts(queryClient)))
  return tracker
}
