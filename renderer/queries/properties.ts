import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Property } from '@api-contract'
import { apiFetch } from '@/api/client'
import { propertyKeys } from '@/api/query-keys'

export const fetchProperties = (signal?: AbortSignal) => apiFetch<Property[]>('/v1/properties', { signal })

export const propertiesOptions = () => queryOptions({ queryKey: propertyKeys.list(), queryFn: ({ signal }) => fetchProperties(signal), staleTime: 5 * 60_000 })

export const useProperties = () => useQuery(propertiesOptions())
