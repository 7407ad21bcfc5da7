import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/api/client'
import type { Notifications } from '@api-contract'
import { notificationKeys } from '@/api/query-keys'

export const notificationsOptions = () =>
  queryOptions({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => apiFetch<Notifications>('/v1/notifications', { signal }),
  })

/** The signed-in agent's notifications; live events keep them fresh. */
export const useNotifications = () => useQuery(notificationsOptions())

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiFetch<void>('/v1/notifications/read', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  })
}
