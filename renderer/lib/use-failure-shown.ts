import { useState } from 'react'

export interface QueryLike {
  error: Error | null
  isSuccess: boolean
  isFetching: boolean
}

/**
 * The failure a panel shows: the first error among its queries, kept while they are asked again.
 * (Asking again a query that has no data puts it back to pending, which would flash a skeleton
 * between two failures.)
 */
export function useFailureShown(...queries: readonly QueryLike[]): Error | null {
  const [last, setLast] = useState<Error | null>(null)
  const error = queries.find((query) => query.error)?.error ?? null
  if (error && error !== last) setLast(error)
  if (!error && last && queries.every((query) => query.isSuccess)) setLast(null)
  return error ?? (queries.some((query) => query.isFetching) ? last : null)
}
