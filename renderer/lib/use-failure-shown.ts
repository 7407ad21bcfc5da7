import { useState } from 'react'

interface QueryLike {
  error: Error | null
  isSuccess: boolean
  isFetching: boolean
}

/**
 * The failure a panel shows: the query's error, kept while the query is asked again. (Asking again a
 * query that has no data puts it back to pending, which would flash a skeleton between two failures.)
 */
export function useFailureShown(query: QueryLike): Error | null {
  const [last, setLast] = useState<Error | null>(null)
  if (query.error && query.error !== last) setLast(query.error)
  if (query.isSuccess && last) setLast(null)
  return query.error ?? (query.isFetching ? last : null)
}
