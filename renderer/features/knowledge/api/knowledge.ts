import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { KnowledgeEntry, KnowledgeEntryChanges, KnowledgeUsage, NewKnowledgeEntry } from '@api-contract'
import { apiFetch } from '@/api/client'
import { knowledgeKeys } from '@/api/query-keys'

const path = (id: string) => `/v1/knowledge/${encodeURIComponent(id)}`

export const fetchKnowledge = (signal?: AbortSignal) => apiFetch<KnowledgeEntry[]>('/v1/knowledge', { signal })

export const knowledgeOptions = () => queryOptions({ queryKey: knowledgeKeys.list(), queryFn: ({ signal }) => fetchKnowledge(signal) })

/** The FAQ the AI agent answers from. */
export const useKnowledge = () => useQuery(knowledgeOptions())

/** How each entry was used, and the guest questions that found nothing (newest first). */
export const useKnowledgeUsage = () =>
  useQuery({ queryKey: knowledgeKeys.usage(), queryFn: ({ signal }) => apiFetch<KnowledgeUsage>('/v1/knowledge/usage', { signal }) })

function useRefresh() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: knowledgeKeys.all })
}

export function useAddKnowledgeEntry() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (entry: NewKnowledgeEntry) => apiFetch<KnowledgeEntry>('/v1/knowledge', { method: 'POST', body: entry }),
    onSuccess: refresh,
  })
}

export function useUpdateKnowledgeEntry(id: string) {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (changes: KnowledgeEntryChanges) => apiFetch<KnowledgeEntry>(path(id), { method: 'PATCH', body: changes }),
    onSuccess: refresh,
  })
}

export function useRemoveKnowledgeEntry(id: string) {
  const refresh = useRefresh()
  return useMutation({ mutationFn: () => apiFetch<void>(path(id), { method: 'DELETE' }), onSuccess: refresh })
}
