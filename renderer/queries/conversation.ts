import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Conversation } from '@api-contract'
import { apiFetch } from '@/api/client'
import { conversationKeys } from '@/api/query-keys'

export const fetchConversation = (id: string, signal?: AbortSignal) => apiFetch<Conversation>(`/v1/conversations/${encodeURIComponent(id)}`, { signal })

export const conversationOptions = (id: string) =>
  queryOptions({ queryKey: conversationKeys.detail(id), queryFn: ({ signal }) => fetchConversation(id, signal) })

/** One conversation's summary (guest, channel, status, unread count). */
export const useConversation = (id: string) => useQuery(conversationOptions(id))
