import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { LeadChanges, LeadDetail, LeadStatus } from '@api-contract'
import { apiFetch, queryString } from '@/api/client'
import { leadKeys } from '@/api/query-keys'

export const fetchLeads = (status: LeadStatus | 'all', signal?: AbortSignal) =>
  apiFetch<LeadDetail[]>(`/v1/leads${queryString({ status: status === 'all' ? undefined : status })}`, { signal })

export const leadsOptions = (status: LeadStatus | 'all') =>
  queryOptions({ queryKey: leadKeys.list(status), queryFn: ({ signal }) => fetchLeads(status, signal) })

/** Leads (of one status, or all), most recently changed first. */
export const useLeads = (status: LeadStatus | 'all') => useQuery(leadsOptions(status))

/** Moves a lead along its pipeline, or edits its notes. */
export function useUpdateLead(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (changes: LeadChanges) => apiFetch<LeadDetail>(`/v1/leads/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.all }),
  })
}
