import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from './client'
import type { ListedAgent } from '@api-contract'
import { agentKeys } from './query-keys'

export const fetchAgents = (signal?: AbortSignal) => apiFetch<ListedAgent[]>('/v1/agents', { signal })

export const agentsOptions = () => queryOptions({ queryKey: agentKeys.list(), queryFn: ({ signal }) => fetchAgents(signal) })

/** Everyone who signs in to this desk (names for assignees, the agents page). */
export const useAgents = ({ enabled = true }: { enabled?: boolean } = {}) => useQuery({ ...agentsOptions(), enabled })
