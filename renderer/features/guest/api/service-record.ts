import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/api/client'
import type { ServiceRecord, ServiceRecordChanges } from '@api-contract'
import { serviceRecordKeys } from '@/api/query-keys'

const path = (conversationId: string) => `/v1/conversations/${encodeURIComponent(conversationId)}/service-record`

export const fetchServiceRecord = (conversationId: string, signal?: AbortSignal) => apiFetch<ServiceRecord>(path(conversationId), { signal })

export const serviceRecordOptions = (conversationId: string) =>
  queryOptions({ queryKey: serviceRecordKeys.detail(conversationId), queryFn: ({ signal }) => fetchServiceRecord(conversationId, signal) })

export const useServiceRecord = (conversationId: string) => useQuery(serviceRecordOptions(conversationId))

export function useSaveServiceRecord(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (record: ServiceRecordChanges) => apiFetch<ServiceRecord>(path(conversationId), { method: 'PUT', body: record }),
    onSuccess: (saved) => queryClient.setQueryData(serviceRecordKeys.detail(conversationId), saved),
  })
}
