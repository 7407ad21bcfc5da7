import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Template } from '@api-contract'
import { apiFetch } from '@/api/client'
import { templateKeys } from '@/api/query-keys'

export const fetchTemplates = (signal?: AbortSignal) => apiFetch<Template[]>('/v1/templates', { signal })

export const templatesOptions = () => queryOptions({ queryKey: templateKeys.list(), queryFn: ({ signal }) => fetchTemplates(signal) })

/** Quick-reply templates (the composer's picker, the templates page). */
export const useTemplates = () => useQuery(templatesOptions())
