import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Property, ReplyTargets } from '@api-contract'
import { apiFetch } from '@/api/client'
import { propertyKeys } from '@/api/query-keys'

/** Sets a property's reply targets (admin); the inbox's waiting badges follow at once. */
export function useSaveReplyTargets(propertyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (replyTargets: ReplyTargets) =>
      apiFetch<Property>(`/v1/properties/${encodeURIComponent(propertyId)}`, { method: 'PATCH', body: { replyTargets } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: propertyKeys.all }),
  })
}
