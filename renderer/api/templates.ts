import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from './client'
import type { Template } from '@api-contract'
import { templateKeys } from './query-keys'

export const fetchTemplates = (signal?: AbortSignal) => apiFetch<Template[]>('/v1/templates', { signal })

export const templatesOptions = () => queryOptions({ queryKey: templateKeys.list(), queryFn: ({ signal }) => fetchTemplates(signal) })

/** Quick-reply templates (the composer's picker, the templates page). */
export const useTemplates = () => useQuery(templatesOptions())
