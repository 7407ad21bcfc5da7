import { useQuery } from '@tanstack/react-query'
import type { Agent } from '@api-contract'
import { sessionKeys } from '@/api/query-keys'

/** The signed-in agent's id, from the session the shell signed in with (read from the cache, never fetched here). */
export function useSignedInAgentId(): string | null {
  const { data } = useQuery<Agent | null>({ queryKey: sessionKeys.current, enabled: false, staleTime: Infinity })
  return data?.id ?? null
}
