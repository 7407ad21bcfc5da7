import { useMutation } from '@tanstack/react-query'
import type { OwnPasswordChange } from '@api-contract'
import { apiFetch } from '@/api/client'

/** The signed-in agent changes their own password; the server renews this session's cookie. */
export const useChangeOwnPassword = () =>
  useMutation({ mutationFn: (change: OwnPasswordChange) => apiFetch<void>('/v1/session/password', { method: 'PUT', body: change }) })
