import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiFetch, isApiError } from '@/api/client'
import type { Agent, Session, SignIn } from '@api-contract'
import { sessionKeys, setupKeys } from '@/api/query-keys'

/** The signed-in agent, or null when the session cookie is missing or expired. */
export async function fetchSession(signal?: AbortSignal): Promise<Agent | null> {
  try {
    return (await apiFetch<Session>('/v1/session', { signal })).agent
  } catch (error) {
    if (isApiError(error, 401)) return null
    throw error
  }
}

export const sessionOptions = () => queryOptions({ queryKey: sessionKeys.current, queryFn: ({ signal }) => fetchSession(signal), staleTime: Infinity })

export const useSession = (enabled = true) => useQuery({ ...sessionOptions(), enabled })

export function useSignIn() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (credentials: SignIn) => apiFetch<Session>('/v1/session', { method: 'POST', body: credentials }),
    onSuccess: ({ agent }) => queryClient.setQueryData(sessionKeys.current, agent),
  })
}

export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiFetch<void>('/v1/session', { method: 'DELETE' }),
    // Back to the sign-in screen, and nothing of this agent's view may linger for the next one.
    onSuccess: () => {
      queryClient.setQueryData(sessionKeys.current, null)
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.current[0] && query.queryKey[0] !== setupKeys.status[0] })
    },
  })
}
