import { useInfiniteQuery, useMutation, usePrefetchInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/api/client'
import type { Message, Reply } from '@api-contract'
import { conversationKeys } from '@/api/query-keys'
import { messagesOptions, refreshMessages } from '@/queries/messages'

export const useMessages = (conversationId: string) => useInfiniteQuery(messagesOptions(conversationId))

/** Asks for the newest page as the chat opens, alongside the conversation itself rather than after it. */
export const usePrefetchMessages = (conversationId: string) => usePrefetchInfiniteQuery(messagesOptions(conversationId))

/** Sends a reply (text, or a template as it is); the live event that follows refreshes the chat and the list. */
export function useSendReply(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (reply: Reply) => apiFetch<Message>(`/v1/conversations/${encodeURIComponent(conversationId)}/messages`, { method: 'POST', body: reply }),
    onSuccess: () => refreshMessages(queryClient, conversationId),
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
        queryClient.invalidateQueries({ queryKey: conversationKeys.allCounts() }),
      ]),
  })
}
