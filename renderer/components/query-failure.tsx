import { useTranslation } from 'react-i18next'
import { mayHealByRetrying } from '@/api/client'
import { useFailureShown, type QueryLike } from '@/lib/use-failure-shown'
import { useRetryWhileFailing } from '@/lib/use-retry-while-failing'

interface QueryFailureProps {
  error: Error
  /** Asks again (a query's `refetch`). */
  onRetry: () => unknown
  /** True while the retry is under way. */
  retrying?: boolean
  className?: string
}

/**
 * A request that failed, said plainly, with Retry. A failure that may heal (no answer, a 5xx) is asked
 * again by itself every few seconds, so the panel recovers when the server is back; a 4xx is not.
 */
export function QueryFailure({ error, onRetry, retrying = false, className = '' }: QueryFailureProps) {
  const { t } = useTranslation()
  // Counted from the end of the last attempt: a slow attempt is never cut short by the next.
  useRetryWhileFailing(mayHealByRetrying(error) && !retrying, onRetry)
  return (
    <div className={`query-failure ${className}`} role="alert">
      <p>{error.message}</p>
      <button type="button" className="button" onClick={() => void onRetry()} disabled={retrying}>
        {retrying ? t('errors.retrying') : t('errors.retry')}
      </button>
    </div>
  )
}

interface RetryableQuery extends QueryLike {
  refetch: () => unknown
}

/**
 * What a page shows when the data it is made of cannot be had: one plain failure with Retry for all
 * its queries (a server that is down fails them all), asking again those that failed.
 */
export function QueryFailureOf({ queries, className }: { queries: readonly RetryableQuery[]; className?: string }) {
  const failure = useFailureShown(...queries)
  if (!failure) return null
  const retry = () => Promise.all(queries.filter((query) => query.error).map((query) => query.refetch()))
  return <QueryFailure error={failure} onRetry={retry} retrying={queries.some((query) => query.isFetching)} className={className} />
}
