import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { Conversation } from '@api-contract'
import { apiFetch } from '@/api/client'
import { conversationKeys } from '@/api/query-keys'

// Resolving, snoozing, reopening and marking unread: from the chat header and from the list's keys.
const base = (id: string) => `/v1/conversations/${encodeURIComponent(id)}`

/** After a state change: the conversation as the server returned it, the lists, their counts and its timeline. */
function refreshAfter(queryClient: QueryClient, id: string, changed?: Conversation) {
  if (changed) queryClient.setQueryData(conversationKeys.detail(id), changed)
  return Promise.all([
    changed ? undefined : queryClient.invalidateQueries({ queryKey: conversationKeys.detail(id) }),
    queryClient.invalidateQueries({ queryKey: conversationKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: conversationKeys.allCounts() }),
    queryClient.invalidateQueries({ queryKey: conversationKeys.events(id) }),
  ])
}

/** Done with it: resolved until the guest writes again. */
export function useResolveConversation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiFetch<Conversation>(`${base(id)}/resolve`, { method: 'POST' }),
    onSuccess: (changed, id) => refreshAfter(queryClient, id, changed),
  })
}

/** Open again (a snoozed or resolved conversation). */
export function useReopenConversation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiFetch<Conversation>(`${base(id)}/reopen`, { method: 'POST' }),
    onSuccess: (changed, id) => refreshAfter(queryClient, id, changed),
  })
}

/** Out of the way until a time (ms), or until the guest writes (null). */
export function useSnoozeConversation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, until }: { id: string; until: number | null }) =>
      apiFetch<Conversation>(`${base(id)}/snooze`, { method: 'POST', body: { until: until === null ? null : new Date(until).toISOString() } }),
    onSuccess: (changed, { id }) => refreshAfter(queryClient, id, changed),
  })
}

/** Back among the unread, to come back to it. */
export function useMarkUnread() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`${base(id)}/unread`, { method: 'POST' }),
    onSuccess: (_result, id) => refreshAfter(queryClient, id),
  })
}
