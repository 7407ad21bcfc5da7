import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { searchTerms } from '@/components/highlighted'
import { QueryFailure } from '@/components/query-failure'
import { SkeletonBubbles } from '@/components/skeleton'
import { formatDate } from '@/lib/relative-time'
import { useLocation } from '@/lib/router'
import { useFailureShown } from '@/lib/use-failure-shown'
import { useNow } from '@/lib/use-now'
import { openWithoutForcedLayout } from '@/lib/virtual-rect'
import { useMessages } from '../api/messages'
import type { TranslationOf } from '../api/translations'
import { useConversationEvents } from '../api/workflow'
import { chatRows, type ChatRow } from '../chat-rows'
import { estimateRowHeight } from '../row-height'
import { withSessionDividers } from '../session-dividers'
import { MessageBubble } from './message-bubble'
import { TimelineEvent } from './timeline-event'

const NO_TRANSLATIONS: TranslationOf = new Map()

/** The line above the oldest message ("Loading older…", "This is the beginning…"); styles.css agrees. */
const EDGE_HEIGHT = 32
const PADDING = 16
/** Load the next older page when the view comes this close (in rows) to the oldest loaded one. */
const PREFETCH_ROWS = 15

/**
 * The chat history, virtualised: only the rows in view (and a few around) are in the page. It opens
 * at the newest message and follows new ones while the reader is there; older pages load as it
 * scrolls up, and the row being read keeps its place when they land above it (end anchoring).
 */
export function MessageHistory({ conversationId, translations = NO_TRANSLATIONS }: { conversationId: string; translations?: TranslationOf }) {
  const { t } = useTranslation()
  const now = useNow()
  const messages = useMessages(conversationId)
  const events = useConversationEvents(conversationId)
  const failure = useFailureShown(messages)
  // The history element is not in the page while a failure stands in for it.
  const failedWithout = failure !== null && !messages.data
  const scrollRef = useRef<HTMLDivElement>(null)
  // The history's width as its ResizeObserver last saw it (rows not measured yet are guessed from it).
  const historyWidth = useRef(0)
  const { search } = useLocation()
  const findParam = search.get('find')
  const find = useMemo(() => searchTerms(findParam), [findParam])

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages
  const rows = useMemo(() => {
    const newestFirst = messages.data?.pages.flatMap((page) => page.items) ?? []
    return chatRows(withSessionDividers(newestFirst.reverse(), events.data ?? [], !hasNextPage))
  }, [messages.data, hasNextPage, events.data])
  // Guest merges undone since: their timeline line offers no Undo.
  const undoneMerges = useMemo(
    () => new Set((events.data ?? []).filter((event) => event.type === 'guest_merge_undone').map((event) => String(event.data.mergeId))),
    [events.data],
  )

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    ...openWithoutForcedLayout<HTMLDivElement>(),
    estimateSize: (index) => estimateRowHeight(rows[index]!, historyWidth.current),
    getItemKey: (index) => rows[index]?.key ?? index,
    // Opened with its first page in hand, the first render draws the newest rows, where the chat opens,
    // rather than the oldest ones, drawn again a frame later when it scrolls to the end.
    initialOffset: () =>
      Math.max(0, rows.reduce((total, row) => total + estimateRowHeight(row, historyWidth.current) + 6, EDGE_HEIGHT + 2 * PADDING) - window.innerHeight),
    paddingStart: EDGE_HEIGHT + PADDING,
    paddingEnd: PADDING,
    gap: 6,
    overscan: 6,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 80,
  })
  const virtualRows = virtualizer.getVirtualItems()

  // The chat opens at its newest message, once the first page is there.
  const opened = useRef<'no' | 'scrolling' | 'yes'>('no')
  useLayoutEffect(() => {
    if (opened.current !== 'no' || rows.length === 0) return
    opened.current = 'scrolling'
    virtualizer.scrollToEnd()
  }, [rows.length, virtualizer])

  // A reader at the newest message stays there when the view shrinks (the header and the composer
  // arrive after the history, a notice shows above the composer); scrolling decides where they are.
  const pinned = useRef(true)
  useEffect(() => {
    const element = scrollRef.current
    if (!element) return
    const onScroll = () => (pinned.current = virtualizer.isAtEnd())
    const resized = new ResizeObserver(([entry]) => {
      if (entry) historyWidth.current = entry.contentRect.width
      if (pinned.current) virtualizer.scrollToEnd()
    })
    element.addEventListener('scroll', onScroll, { passive: true })
    resized.observe(element)
    return () => {
      element.removeEventListener('scroll', onScroll)
      resized.disconnect()
    }
  }, [virtualizer, failedWithout])

  const firstIndex = virtualRows[0]?.index
  useEffect(() => {
    if (firstIndex === undefined || !hasNextPage || isFetchingNextPage) return
    // The render that opened the chat saw its top, not the newest message it then scrolled to: near
    // the top only if the whole page fits in the view.
    const justOpened = opened.current === 'scrolling'
    opened.current = 'yes'
    if (justOpened && virtualizer.getTotalSize() > (virtualizer.scrollRect?.height ?? 0)) return
    if (firstIndex < PREFETCH_ROWS) void fetchNextPage()
  }, [firstIndex, hasNextPage, isFetchingNextPage, fetchNextPage, virtualizer])

  if (failure && failedWithout)
    return <QueryFailure className="chat-message" error={failure} onRetry={() => messages.refetch()} retrying={messages.isFetching} />
  return (
    <div ref={scrollRef} className="history" role="log" aria-label={t('chat.history')} aria-busy={messages.isPending} tabIndex={0}>
      {messages.isPending && <SkeletonBubbles />}
      <div className="history-rows" style={{ height: virtualizer.getTotalSize() }}>
        <div className="history-edge" style={{ height: EDGE_HEIGHT }}>
          {messages.isSuccess && (hasNextPage ? t('chat.loadingOlder') : t('chat.beginning'))}
        </div>
        {/* Newest first in the page, as the chat reads from its latest message back. */}
        {virtualRows.toReversed().map((virtualRow) => (
          <div
            key={virtualRow.key}
            ref={virtualizer.measureElement}
            data-index={virtualRow.index}
            className="history-row"
            style={{ transform: `translateY(${virtualRow.start}px)` }}
          >
            <HistoryRow row={rows[virtualRow.index]!} now={now} find={find} undoneMerges={undoneMerges} translations={translations} />
          </div>
        ))}
      </div>
    </div>
  )
}

/** Memoised: the history re-renders on every scrolled frame, a row only when it changes. */
const HistoryRow = memo(function HistoryRow({
  row,
  now,
  find,
  undoneMerges,
  translations,
}: {
  row: ChatRow
  now: number
  find: readonly string[]
  undoneMerges: ReadonlySet<string>
  translations: TranslationOf
}) {
  const { t, i18n } = useTranslation()
  if (row.kind === 'event') return <TimelineEvent event={row.event} undone={undoneMerges.has(String(row.event.data.mergeId))} />
  return (
    <>
      {row.sessionStartedAt && (
        <div className="session-divider" role="separator">
          <span>
            {t('chat.sessionStarted', {
              date: formatDate(new Date(row.sessionStartedAt), i18n.language, 'dateTime'),
            })}
          </span>
        </div>
      )}
      <MessageBubble message={row.message} now={now} find={find} translation={translations.get(row.message.id)} />
    </>
  )
})
