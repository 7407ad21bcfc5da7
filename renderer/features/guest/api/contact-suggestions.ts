import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ContactSuggestion, SuggestionDecision } from '@api-contract'
import { apiFetch } from '@/api/client'
import { conversationKeys, guestKeys } from '@/api/query-keys'

const path = (conversationId: string) => `/v1/conversations/${encodeURIComponent(conversationId)}/suggestions`

/** Under the conversation's guest panel key: whatever refreshes the panel (SSE) refreshes these too. */
export const suggestionKeys = {
  list: (conversationId: string) => [...guestKeys.panel(conversationId), 'suggestions'] as const,
}

export const fetchSuggestions = (conversationId: string, signal?: AbortSignal) => apiFetch<ContactSuggestion[]>(path(conversationId), { signal })

export const suggestionsOptions = (conversationId: string) =>
  queryOptions({ queryKey: suggestionKeys.list(conversationId), queryFn: ({ signal }) => fetchSuggestions(conversationId, signal) })

export const useSuggestions = (conversationId: string) => useQuery(suggestionsOptions(conversationId))

/** Link (a guest merge, or the value added to the profile) or dismiss a suggestion. */
export function useDecideSuggestion(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ suggestionId, decision }: { suggestionId: string; decision: 'link' | 'dismiss' }) =>
      apiFetch<SuggestionDecision>(`${path(conversationId)}/${encodeURIComponent(suggestionId)}/${decision}`, { method: 'POST' }),
    onSuccess: () => {
      // The profile, the header and the timeline (a merge) change with a link.
      void queryClient.invalidateQueries({ queryKey: guestKeys.panels() })
      void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(conversationId) })
      void queryClient.invalidateQueries({ queryKey: conversationKeys.events(conversationId) })
      void queryClient.invalidateQueries({ queryKey: conversationKeys.lists() })
    },
  })
}
