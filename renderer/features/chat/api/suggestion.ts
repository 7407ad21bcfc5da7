import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/api/client'
import type { Message, Suggestion } from '@api-contract'
import { conversationKeys } from '@/api/query-keys'
import { refreshMessages } from '@/queries/messages'

const base = (id: string) => `/v1/conversations/${encodeURIComponent(id)}/suggestion`
// Under the conversation's detail key: what refreshes the conversation (its live events) refreshes this.
const suggestionKey = (id: string) => [...conversationKeys.detail(id), 'suggestion'] as const

export const suggestionOptions = (conversationId: string) =>
  queryOptions({ queryKey: suggestionKey(conversationId), queryFn: ({ signal }) => apiFetch<Suggestion | null>(base(conversationId), { signal }) })

/** The reply the AI agent proposes for staff to review, or null. */
export const useSuggestion = (conversationId: string) => useQuery(suggestionOptions(conversationId))

/** Sends the proposal as it is, or with staff's changes; then the chat and the proposal refresh. */
export function useSendSuggestion(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (text?: string) => apiFetch<Message>(`${base(conversationId)}/send`, { method: 'POST', body: text === undefined ? {} : { text } }),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: suggestionKey(conversationId) }), refreshMessages(queryClient, conversationId)]),
  })
}

export function useDismissSuggestion(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiFetch<void>(`${base(conversationId)}/dismiss`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: suggestionKey(conversationId) }),
  })
}
