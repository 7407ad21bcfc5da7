import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { ConversationFilters, ConversationViewCounts } from '@api-contract'
import { apiFetch, queryString } from '@/api/client'
import { conversationKeys } from '@/api/query-keys'

/** The list's filters but its view: what the counts are asked for. */
export type CountFilters = Omit<ConversationFilters, 'view'>

export const fetchConversationCounts = (filters: CountFilters, signal?: AbortSignal) =>
  apiFetch<ConversationViewCounts>(`/v1/conversations/counts${queryString(filters)}`, { signal })

export const conversationCountsOptions = (filters: CountFilters) =>
  queryOptions({
    queryKey: conversationKeys.counts(filters),
    queryFn: ({ signal }) => fetchConversationCounts(filters, signal),
    staleTime: 30_000,
    // While other filters' counts load, the last ones stay (the control does not flicker empty).
    placeholderData: keepPreviousData,
  })

/** How many conversations each view (needs reply, open, snoozed, resolved, all) holds, kept fresh by live events. */
export const useConversationCounts = (filters: CountFilters) => useQuery(conversationCountsOptions(filters))
