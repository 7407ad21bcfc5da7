import { QueryClient, type InvalidateOptions, type InvalidateQueryFilters, type Query, type QueryKey } from '@tanstack/react-query'

const ignore = () => undefined

/**
 * A QueryClient whose invalidation also covers the answers already on their way. TanStack Query
 * counts a query as fresh when its fetch ends, so an answer asked before a change and received
 * after it (the list asked for while a chat opens, then the chat marked read) would stay in the
 * cache as fresh, old data. Invalidation asks again at once for the active queries that have data
 * (TanStack cancels their fetch); the others, inactive or on their first fetch, are invalidated
 * once more when their answer is in.
 */
export class DeskQueryClient extends QueryClient {
  override invalidateQueries<TTaggedQueryKey extends QueryKey = QueryKey>(
    filters?: InvalidateQueryFilters<TTaggedQueryKey>,
    options?: InvalidateOptions,
  ): Promise<void> {
    const notAskedAgain = this.getQueryCache()
      .findAll({ ...filters, fetchStatus: 'fetching' })
      .filter((query) => !query.isActive() || query.state.data === undefined)
    const afterTheirAnswers = notAskedAgain.map((query) => this.invalidateOnceAnswered(query, filters?.refetchType, options))
    return Promise.all([super.invalidateQueries(filters, options), ...afterTheirAnswers]).then(ignore)
  }

  private async invalidateOnceAnswered(query: Query, refetchType: InvalidateQueryFilters['refetchType'], options?: InvalidateOptions) {
    await query.promise?.then(ignore, ignore)
    await this.invalidateQueries({ queryKey: query.queryKey, exact: true, refetchType }, options)
  }
}
