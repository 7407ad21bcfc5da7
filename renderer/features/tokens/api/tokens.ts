import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/api/client'
import type { ApiToken, CreatedApiToken, NewApiToken } from '@api-contract'
import { tokenKeys } from '@/api/query-keys'

export const fetchTokens = (signal?: AbortSignal) => apiFetch<ApiToken[]>('/v1/tokens', { signal })

export const tokensOptions = () => queryOptions({ queryKey: tokenKeys.list(), queryFn: ({ signal }) => fetchTokens(signal) })

/** Every API token of the desk, revoked ones included (admins only). */
export const useTokens = () => useQuery(tokensOptions())

/** Creates a token; the answer carries its secret, which the server never shows again. */
export function useCreateToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (token: NewApiToken) => apiFetch<CreatedApiToken>('/v1/tokens', { method: 'POST', body: token }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  })
}

export function useRevokeToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/v1/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  })
}
