import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { NewTemplate, Template, TemplateChanges } from '@api-contract'
import { apiFetch } from '@/api/client'
import { templateKeys } from '@/api/query-keys'

const path = (id: string) => `/v1/templates/${encodeURIComponent(id)}`

function useRefresh() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: templateKeys.all })
}

export function useAddTemplate() {
  const refresh = useRefresh()
  return useMutation({ mutationFn: (template: NewTemplate) => apiFetch<Template>('/v1/templates', { method: 'POST', body: template }), onSuccess: refresh })
}

export function useUpdateTemplate(id: string) {
  const refresh = useRefresh()
  return useMutation({ mutationFn: (changes: TemplateChanges) => apiFetch<Template>(path(id), { method: 'PATCH', body: changes }), onSuccess: refresh })
}

export function useRemoveTemplate(id: string) {
  const refresh = useRefresh()
  return useMutation({ mutationFn: () => apiFetch<void>(path(id), { method: 'DELETE' }), onSuccess: refresh })
}
