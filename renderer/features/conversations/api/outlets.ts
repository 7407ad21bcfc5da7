import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Outlet } from '@api-contract'
import { apiFetch } from '@/api/client'
import { outletKeys } from '@/api/query-keys'

export const fetchOutlets = (signal?: AbortSignal) => apiFetch<Outlet[]>('/v1/outlets', { signal })

export const outletsOptions = () => queryOptions({ queryKey: outletKeys.list(), queryFn: ({ signal }) => fetchOutlets(signal), staleTime: 5 * 60_000 })

/** The outlets (departments) guests write to from the guest app. */
export const useOutlets = () => useQuery(outletsOptions())
