import { useInfiniteQuery } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import type { MessageTranslations, Translation } from '@api-contract'
import { apiFetch, queryString } from '@/api/client'
import { conversationKeys } from '@/api/query-keys'
import { useMessages } from './messages'

export type TranslationOf = ReadonlyMap<string, { from: string; text: string }>

const NONE: TranslationOf = new Map()

/**
 * The conversation's guest messages in the reader's language (`to`; null: none needed), by message
 * id. They come 100 guest messages at a time, newest first; an older window is asked for once the
 * chat has loaded messages older than the last one covers. The desk translates the rest in the
 * background; each arrives as a message.updated event, which asks again (features/live).
 */
export function useMessageTranslations(conversationId: string, to: string | null) {
  const messages = useMessages(conversationId)
  const query = useInfiniteQuery({
    queryKey: conversationKeys.translations(conversationId, to ?? ''),
    queryFn: ({ signal, pageParam }) =>
      apiFetch<MessageTranslations>(`/v1/conversations/${encodeURIComponent(conversationId)}/translations${queryString({ to, before: pageParam })}`, {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
    enabled: to !== null,
    staleTime: 30_000,
  })

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query
  const coveredDownTo = query.data?.pages.at(-1)?.nextBefore ?? null
  useEffect(() => {
    if (!hasNextPage || isFetchingNextPage || coveredDownTo === null) return
    const loaded = messages.data?.pages.flatMap((page) => page.items) ?? []
    const at = loaded.findIndex((message) => message.id === coveredDownTo)
    if (at !== -1 && loaded.slice(at + 1).some((message) => message.direction === 'in')) void fetchNextPage()
  }, [messages.data, coveredDownTo, hasNextPage, isFetchingNextPage, fetchNextPage])

  const byMessage = useMemo<TranslationOf>(
    () => (query.data ? new Map(query.data.pages.flatMap((page) => page.items).map((item) => [item.messageId, { from: item.from, text: item.text }])) : NONE),
    [query.data],
  )
  const pages = query.data?.pages ?? []
  return {
    byMessage,
    available: pages[0]?.available ?? false,
    failed: pages.reduce((sum, page) => sum + page.failed, 0),
    pending: pages.reduce((sum, page) => sum + page.pending, 0),
  }
}

/** Staff's reply in the guest's language, for review before it is sent (POST /v1/translate). */
export const translateReply = (conversationId: string, text: string, from: string, to: string) =>
  apiFetch<Translation>('/v1/translate', { method: 'POST', body: { conversationId, text, from, to } })

/** Whether a guest writing `guestLanguage` is read in translation by a reader of `uiLanguage`. */
export const readInTranslation = (guestLanguage: string | null, uiLanguage: string): boolean =>
  guestLanguage !== null && guestLanguage.split('-')[0] !== uiLanguage.split('-')[0]
