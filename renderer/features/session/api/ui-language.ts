import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/api/client'
import { sessionKeys } from '@/api/query-keys'
import type { Session, UiLanguage } from '@api-contract'

/** The signed-in agent chooses the inbox's language; remembered with the agent (every desk of the group knows it). */
export function useChooseUiLanguage() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (uiLanguage: UiLanguage) => apiFetch<Session>('/v1/session/language', { method: 'PUT', body: { uiLanguage } }),
    onSuccess: ({ agent }) => queryClient.setQueryData(sessionKeys.current, agent),
  })
}
