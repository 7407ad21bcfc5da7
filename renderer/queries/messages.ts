import { infiniteQueryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query'
import type { MessagePage } from '@api-contract'
import { apiFetch, queryString } from '@/api/client'
import { conversationKeys } from '@/api/query-keys'
import { withNewestPage } from './newest-page'

/** The chat's page size. */
export const MESSAGE_PAGE = 50

export const fetchMessagePage = (conversationId: string, before: string | null, signal?: AbortSignal) =>
  apiFetch<MessagePage>(`/v1/conversations/${encodeURIComponent(conversationId)}/messages${queryString({ limit: MESSAGE_PAGE, before })}`, { signal })

/** A conversation's messages, newest page first; older pages load as the chat scrolls up. */
export const messagesOptions = (conversationId: string) =>
  infiniteQueryOptions({
    queryKey: conversationKeys.messages(conversationId),
    queryFn: ({ pageParam, signal }) => fetchMessagePage(conversationId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })

/**
 * Brings an open chat up to date after a new or changed message: one request for the newest page,
 * put in place of what it covers, rather than a refetch of every loaded page (a reader far back in a
 * long history has hundreds). A chat not open, or holding one page, is simply refetched; so is one
 * the newest page does not reach back into (more arrived than a page holds), or one where a message
 * older than the newest page `changed` (a delivery retried far back).
 */
export async function refreshMessages(queryClient: QueryClient, conversationId: string, changed: readonly string[] = []): Promise<void> {
  const queryKey = conversationKeys.messages(conversationId)
  const query = queryClient.getQueryCache().find<MessagePage, Error, InfiniteData<MessagePage, string | null>>({ queryKey, exact: true })
  const loaded = query?.state.data
  if (!query || !loaded || loaded.pages.length <= 1 || !query.isActive()) return queryClient.invalidateQueries({ queryKey })
  let newest: MessagePage
  try {
    newest = await fetchMessagePage(conversationId, null)
  } catch {
    return queryClient.invalidateQueries({ queryKey })
  }
  const older = (id: string) => !newest.items.some((message) => message.id === id)
  if (changed.some(older)) return queryClient.invalidateQueries({ queryKey })
  let merged = false
  queryClient.setQueryData<InfiniteData<MessagePage, string | null>>(queryKey, (current) => {
    const next = current && withNewestPage(current, newest)
    merged = next !== undefined
    return next ?? current
  })
  if (!merged) await queryClient.invalidateQueries({ queryKey })
}
