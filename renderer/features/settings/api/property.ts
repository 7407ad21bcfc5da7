import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Property } from '@api-contract'
import { apiFetch } from '@/api/client'
import { propertyKeys } from '@/api/query-keys'

export interface PropertyChanges {
  name?: string
  defaultCountry?: string
  timeZone?: string
}

/** Renames a property or changes its phone country or time zone (admins). */
export function useUpdateProperty(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (changes: PropertyChanges) => apiFetch<Property>(`/v1/properties/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: propertyKeys.all }),
  })
}
