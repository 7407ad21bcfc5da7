import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { searchTerms } from '@/components/highlighted'
import { useLocation } from '@/lib/router'
import { useNow } from '@/lib/use-now'
import { useMessages } from '../api/messages'
import { useConversationEvents } from '../api/workflow'
import { withSessionDividers } from '../session-dividers'
import { MessageBubble } from './message-bubble'
import { TimelineEvent } from './timeline-event'

/**
 * The chat history. The scroller runs bottom-up (column-reverse): it opens at the newest message,
 * stays there as new ones arrive, and keeps its place when older pages load in above.
 */
export function MessageHistory({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const messages = useMessages(conversationId)
  const events = useConversationEvents(conversationId)
  const sentinel = useRef<HTMLDivElement>(null)
  const { search } = useLocation()
  const findParam = search.get('find')
  const find = useMemo(() => searchTerms(findParam), [findParam])

  const items = useMemo(() => {
    const newestFirst = messages.data?.pages.flatMap((page) => page.items) ?? []
    return withSessionDividers([...newestFirst].reverse(), events.data ?? [], !messages.hasNextPage).reverse()
  }, [messages.data, messages.hasNextPage, events.data])
  // Guest merges undone since: their timeline line offers no Undo.
  const undoneMerges = useMemo(
    () => new Set((events.data ?? []).filter((event) => event.type === 'guest_merge_undone').map((event) => String(event.data.mergeId))),
    [events.data],
  )

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages
  useEffect(() => {
    const element = sentinel.current
    if (!element || !hasNextPage) return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage()
      },
      { root: element.parentElement, rootMargin: '400px 0px 0px 0px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])

  if (messages.isError)
    return (
      <p className="chat-message" role="alert">
        {messages.error.message}
      </p>
    )
  return (
    <div className="history" role="log" aria-label={t('chat.history')} aria-busy={messages.isPending} tabIndex={0}>
      {items.map((item) =>
        item.kind === 'message' ? (
          <MessageBubble key={item.message.id} message={item.message} now={now} find={find} />
        ) : item.kind === 'event' ? (
          <TimelineEvent key={item.event.id} event={item.event} undone={undoneMerges.has(String(item.event.data.mergeId))} />
        ) : (
          <div key={`session-${item.startedAt}`} className="session-divider" role="separator">
            <span>
              {t('chat.sessionStarted', {
                date: new Date(item.startedAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
              })}
            </span>
          </div>
        ),
      )}
      <div ref={sentinel} className="history-edge">
        {messages.isSuccess && (hasNextPage ? t('chat.loadingOlder') : t('chat.beginning'))}
      </div>
    </div>
  )
}
