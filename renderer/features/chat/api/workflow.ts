import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/api/client'
import type { ConversationEvent, FilledTemplate, LeadDetail, LeadStatus, UndoneGuestMerge } from '@api-contract'
import { conversationKeys, guestKeys, leadKeys } from '@/api/query-keys'

const base = (id: string) => `/v1/conversations/${encodeURIComponent(id)}`

export const eventsOptions = (conversationId: string) =>
  queryOptions({
    queryKey: conversationKeys.events(conversationId),
    queryFn: ({ signal }) => apiFetch<ConversationEvent[]>(`${base(conversationId)}/events`, { signal }),
  })

/** The conversation's timeline besides its messages: takeovers, handovers, assignments, leads. */
export const useConversationEvents = (conversationId: string) => useQuery(eventsOptions(conversationId))

/** After a change to the conversation itself: its summary, lists and timeline. */
function useRefresh(conversationId: string) {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: conversationKeys.detail(conversationId) }),
      queryClient.invalidateQueries({ queryKey: conversationKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: conversationKeys.allCounts() }),
      queryClient.invalidateQueries({ queryKey: conversationKeys.events(conversationId) }),
    ])
}

export function useSetMode(conversationId: string) {
  const refresh = useRefresh(conversationId)
  return useMutation({
    mutationFn: (mode: 'ai' | 'human') => apiFetch(`${base(conversationId)}/mode`, { method: 'PUT', body: { mode } }),
    onSuccess: refresh,
  })
}

export function useAssign(conversationId: string) {
  const refresh = useRefresh(conversationId)
  return useMutation({
    mutationFn: (agentId: string | null) => apiFetch(`${base(conversationId)}/assignee`, { method: 'PUT', body: { agentId } }),
    onSuccess: refresh,
  })
}

export function useMarkLead(conversationId: string) {
  const refresh = useRefresh(conversationId)
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiFetch<LeadDetail>(`${base(conversationId)}/lead`, { method: 'POST' }),
    onSuccess: () => Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: leadKeys.all })]),
  })
}

/** Moves the conversation's lead along its pipeline. */
export function useUpdateLeadStatus(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ leadId, status }: { leadId: string; status: LeadStatus }) =>
      apiFetch<LeadDetail>(`/v1/leads/${encodeURIComponent(leadId)}`, { method: 'PATCH', body: { status } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: conversationKeys.detail(conversationId) }),
        queryClient.invalidateQueries({ queryKey: leadKeys.all }),
      ]),
  })
}

export function useRetryDelivery(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (messageId: string) => apiFetch(`/v1/messages/${encodeURIComponent(messageId)}/retry-delivery`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationKeys.messages(conversationId) }),
  })
}

/** A template filled in for this conversation (text, and the variables it had no value for). */
export const fetchFilledTemplate = (conversationId: string, templateId: string) =>
  apiFetch<FilledTemplate>(`${base(conversationId)}/templates/${encodeURIComponent(templateId)}`)

/**
 * Undoes a guest merge from the timeline: the profile merged away comes back with what had moved.
 * Every conversation, list, timeline and guest panel may change (the conversations of both profiles).
 */
export function useUndoGuestMerge() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (mergeId: string) => apiFetch<UndoneGuestMerge>(`/v1/guest-merges/${encodeURIComponent(mergeId)}/undo`, { method: 'POST' }),
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: conversationKeys.all }), queryClient.invalidateQueries({ queryKey: guestKeys.all })]),
  })
}
