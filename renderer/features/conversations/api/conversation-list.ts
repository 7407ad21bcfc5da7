import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { apiFetch, queryString } from '@/api/client'
import type { ConversationFilters, ConversationPage } from '@api-contract'
import { conversationKeys } from '@/api/query-keys'

export const PAGE_SIZE = 50

export const fetchConversationPage = (filters: ConversationFilters, cursor: string | null, signal?: AbortSignal) =>
  apiFetch<ConversationPage>(`/v1/conversations${queryString({ ...filters, limit: PAGE_SIZE, cursor })}`, { signal })

/** Pages of conversations, newest activity first, fetched as the list scrolls. */
export const conversationListOptions = (filters: ConversationFilters) =>
  infiniteQueryOptions({
    queryKey: conversationKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchConversationPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  })

export const useConversationList = (filters: ConversationFilters) => useInfiniteQuery(conversationListOptions(filters))
