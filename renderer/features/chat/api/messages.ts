import { infiniteQueryOptions, useInfiniteQuery, useMutation, usePrefetchInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { apiFetch, queryString } from '@/api/client'
import type { Message, MessagePage, Reply } from '@api-contract'
import { conversationKeys } from '@/api/query-keys'

const MESSAGE_PAGE = 50

export const fetchMessagePage = (conversationId: string, before: string | null, signal?: AbortSignal) =>
  apiFetch<MessagePage>(`/v1/conversations/${encodeURIComponent(conversationId)}/messages${queryString({ limit: MESSAGE_PAGE, before })}`, { signal })

/** A conversation's messages, newest page first; older pages load as the chat scrolls up. */
export const messagesOptions = (conversationId: string) =>
  infiniteQueryOptions({
    queryKey: conversationKeys.messages(conversationId),
    queryFn: ({ pageParam, signal }) => fetchMessagePage(conversationId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })

export const useMessages = (conversationId: string) => useInfiniteQuery(messagesOptions(conversationId))

/** Asks for the newest page as the chat opens, alongside the conversation itself rather than after it. */
export const usePrefetchMessages = (conversationId: string) => usePrefetchInfiniteQuery(messagesOptions(conversationId))

/** Sends a reply (text, or a template as it is); the live event that follows refreshes the chat and the list. */
export function useSendReply(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (reply: Reply) => apiFetch<Message>(`/v1/conversations/${encodeURIComponent(conversationId)}/messages`, { method: 'POST', body: reply }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationKeys.messages(conversationId) }),
  })
}

export function useMarkRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (conversationId: string) => apiFetch<void>(`/v1/conversations/${encodeURIComponent(conversationId)}/read`, { method: 'POST' }),
    onSuccess: (_result, conversationId) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: conversationKeys.detail(conversationId) }),
        queryClient.invalidateQueries({ queryKey: conversationKeys.lists() }),
      ]),
  })
}
