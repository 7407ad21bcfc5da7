import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/api/client'
import type { GuestPanel } from '@api-contract'
import { guestKeys } from '@/api/query-keys'

export const fetchGuestPanel = (conversationId: string, signal?: AbortSignal) =>
  apiFetch<GuestPanel>(`/v1/conversations/${encodeURIComponent(conversationId)}/guest`, { signal })

export const guestPanelOptions = (conversationId: string) =>
  queryOptions({ queryKey: guestKeys.panel(conversationId), queryFn: ({ signal }) => fetchGuestPanel(conversationId, signal) })

export const useGuestPanel = (conversationId: string) => useQuery(guestPanelOptions(conversationId))
