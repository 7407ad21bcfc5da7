import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/api/client'
import type { Agent, AgentChanges, ListedAgent, NewAgent } from '@api-contract'
import { agentKeys } from '@/api/query-keys'

export function useAddAgent() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (agent: NewAgent) => apiFetch<Agent>('/v1/agents', { method: 'POST', body: agent }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  })
}

export function useUpdateAgent() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...changes }: AgentChanges & { id: string }) =>
      apiFetch<Agent>(`/v1/agents/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  })
}

/** Lifts an agent's sign-in lockout (admins). */
export function useUnlockAgent() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiFetch<ListedAgent>(`/v1/agents/${encodeURIComponent(id)}/unlock`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  })
}
