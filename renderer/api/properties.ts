import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from './client'
import type { Property } from '@api-contract'
import { propertyKeys } from './query-keys'

export const fetchProperties = (signal?: AbortSignal) => apiFetch<Property[]>('/v1/properties', { signal })

export const propertiesOptions = () =>
  queryOptions({ queryKey: propertyKeys.list(), queryFn: ({ signal }) => fetchProperties(signal), staleTime: 5 * 60_000 })

export const useProperties = () => useQuery(propertiesOptions())
