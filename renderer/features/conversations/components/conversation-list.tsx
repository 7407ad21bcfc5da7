import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReplyTargets } from '@api-contract'
import { QueryFailure } from '@/components/query-failure'
import { SkeletonRows } from '@/components/skeleton'
import { CONVERSATION_LIST_ID } from '@/lib/dom'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import { useFailureShown } from '@/lib/use-failure-shown'
import { useNow } from '@/lib/use-now'
import { useProperties } from '@/queries/properties'
import { openWithoutForcedLayout } from '@/lib/virtual-rect'
import { useConversationList } from '../api/conversation-list'
import { useListKeyboard } from '../hooks/use-list-keyboard'
import { useApiFilters, useHighlightedId, useSearchText } from '../stores/filters-store'
import { ConversationFilters } from './conversation-filters'
import { ConversationRow } from './conversation-row'
import { ConversationViews } from './conversation-views'
import { ExportButton } from './export-button'

/** Until the properties are in: the product's defaults (the server's too). */
const DEFAULT_REPLY_TARGETS: ReplyTargets = { warnMinutes: 5, lateMinutes: 15 }

/** Every row has this height (styles.css agrees), so the virtualizer needs no measuring; ≥ 12 rows fit a 1366×768 window. */
export const ROW_HEIGHT = 50
/** Fetch the next page when the view comes this close (in rows) to the end of what is loaded. */
const PREFETCH_ROWS = 15

/** The left panel: filters, search and the virtualised list of conversations, newest activity first. */
export function ConversationListPanel({ selectedId }: { selectedId: string | null }) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const search = useDebouncedValue(useSearchText(), 250)
  const filters = useApiFilters(search, now)
  const list = useConversationList(filters)
  const conversations = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data])
  const failure = useFailureShown(list)
  const highlightedId = useHighlightedId()
  const properties = useProperties().data
  const replyTargets = useMemo(() => new Map(properties?.map((property) => [property.id, property.replyTargets])), [properties])
  const { view, ...otherFilters } = filters
  const emptyText = Object.keys(otherFilters).length ? t('list.empty') : view ? t(`views.empty.${view}`) : t('list.emptyInbox')
  const scrollRef = useRef<HTMLDivElement>(null)

  const virtualizer = useVirtualizer({
    count: conversations.length + (list.hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => conversations[index]?.id ?? 'loader',
    ...openWithoutForcedLayout<HTMLDivElement>(),
  })
  const virtualRows = virtualizer.getVirtualItems()
  const lastIndex = virtualRows.at(-1)?.index ?? 0

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= conversations.length - PREFETCH_ROWS) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastIndex, conversations.length])

  useListKeyboard(conversations, selectedId, (index) => virtualizer.scrollToIndex(index, { align: 'auto' }))

  return (
    <section className="list-panel" aria-label={t('list.label')}>
      <ConversationFilters>
        <ExportButton filters={filters} />
      </ConversationFilters>
      <ConversationViews filters={filters} />
      <div id={CONVERSATION_LIST_ID} ref={scrollRef} className="list-scroll" tabIndex={-1} aria-busy={list.isPending}>
        {failure && <QueryFailure className="list-message" error={failure} onRetry={() => list.refetch()} retrying={list.isFetching} />}
        {list.isPending && !failure && <SkeletonRows rows={14} height={ROW_HEIGHT} />}
        {list.isSuccess && conversations.length === 0 && <p className="list-message">{emptyText}</p>}
        <div role="list" aria-label={t('list.label')} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualRows.map((row) => {
            const conversation = conversations[row.index]
            return (
              <div key={row.key} role="listitem" className="virtual-row" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                {conversation ? (
                  <ConversationRow
                    conversation={conversation}
                    selected={conversation.id === selectedId}
                    highlighted={conversation.id === highlightedId}
                    now={now}
                    replyTargets={replyTargets.get(conversation.propertyId) ?? DEFAULT_REPLY_TARGETS}
                    find={filters.text}
                    stateShown={!view}
                    t={t}
                    language={i18n.language}
                  />
                ) : (
                  <span className="list-loader">{t('list.loadingMore')}</span>
                )}
              </div>
            )
          })}
        </div>
      </div>
    </section>
  )
}
