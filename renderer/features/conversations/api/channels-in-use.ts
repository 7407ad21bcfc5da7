import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Channel } from '@api-contract'
import { apiFetch } from '@/api/client'
import { channelKeys } from '@/api/query-keys'

export const fetchChannelsInUse = (signal?: AbortSignal) => apiFetch<Channel[]>('/v1/conversation-channels', { signal })

export const channelsInUseOptions = () =>
  queryOptions({ queryKey: channelKeys.inUse(), queryFn: ({ signal }) => fetchChannelsInUse(signal), staleTime: 60_000, refetchInterval: 5 * 60_000 })

/** The channels the desk has conversations on (web chat, phone, SMS, email, guest app…), in the contract's order. */
export const useChannelsInUse = () => useQuery(channelsInUseOptions())

/** The channel filter's choices: every channel in use, and the one chosen even if it has none (yet). */
export function channelChoices(inUse: readonly Channel[], chosen: Channel | 'all'): (Channel | 'all')[] {
  return ['all', ...inUse, ...(chosen !== 'all' && !inUse.includes(chosen) ? [chosen] : [])]
}
