import { queryOptions, useQuery } from '@tanstack/react-query'
import type { ListedAgent } from '@api-contract'
import { apiFetch } from '@/api/client'
import { agentKeys } from '@/api/query-keys'

export const fetchAgents = (signal?: AbortSignal) => apiFetch<ListedAgent[]>('/v1/agents', { signal })

export const agentsOptions = () => queryOptions({ queryKey: agentKeys.list(), queryFn: ({ signal }) => fetchAgents(signal) })

/** Everyone who signs in to this desk (names for assignees, the agents page). */
export const useAgents = ({ enabled = true }: { enabled?: boolean } = {}) => useQuery({ ...agentsOptions(), enabled })
