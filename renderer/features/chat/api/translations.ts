import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { MessageTranslations, Translation } from '@api-contract'
import { apiFetch } from '@/api/client'
import { conversationKeys } from '@/api/query-keys'

export type TranslationOf = ReadonlyMap<string, { from: string; text: string }>

const NONE: TranslationOf = new Map()

/**
 * The conversation's guest messages in the reader's language (`to`; null: none needed), by message
 * id. The desk translates the rest in the background; each arrives as a message.updated event,
 * which asks again (features/live).
 */
export function useMessageTranslations(conversationId: string, to: string | null) {
  const query = useQuery({
    queryKey: conversationKeys.translations(conversationId, to ?? ''),
    queryFn: ({ signal }) => apiFetch<MessageTranslations>(`/v1/conversations/${encodeURIComponent(conversationId)}/translations?to=${to}`, { signal }),
    enabled: to !== null,
    staleTime: 30_000,
  })
  const byMessage = useMemo<TranslationOf>(
    () => (query.data ? new Map(query.data.items.map((item) => [item.messageId, { from: item.from, text: item.text }])) : NONE),
    [query.data],
  )
  return { byMessage, available: query.data?.available ?? false, failed: query.data?.failed ?? 0, pending: query.data?.pending ?? 0 }
}

/** Staff's reply in the guest's language, for review before it is sent (POST /v1/translate). */
export const translateReply = (conversationId: string, text: string, from: string, to: string) =>
  apiFetch<Translation>('/v1/translate', { method: 'POST', body: { conversationId, text, from, to } })

/** Whether a guest writing `guestLanguage` is read in translation by a reader of `uiLanguage`. */
export const readInTranslation = (guestLanguage: string | null, uiLanguage: string): boolean =>
  guestLanguage !== null && guestLanguage.split('-')[0] !== uiLanguage.split('-')[0]
