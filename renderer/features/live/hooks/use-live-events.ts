import { useQueryClient, type Query, type QueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { DomainEvent } from '@api-contract'
import { conversationKeys, guestKeys, leadKeys, notificationKeys, serviceRecordKeys } from '@/api/query-keys'
import { fetchStartsOf } from '@/queries/fetch-starts'
import { refreshMessages } from '@/queries/messages'

const EVENT_TYPES: readonly DomainEvent['type'][] = [
  'conversation.created',
  'conversation.updated',
  'message.created',
  'message.updated',
  'conversation.event',
  'reservation.upserted',
  'notification.created',
]
/** Events come in bursts (a 100-message push): invalidate once per burst, not once per event. */
const FLUSH_MS = 150

/**
 * Subscribes to the server's domain events (SSE, /v1/events) and invalidates the queries they
 * touch, so a message pushed by any local system shows up without a reload. EventSource
 * reconnects by itself; `connected` says whether it is currently open.
 */
export function useLiveEvents(): { connected: boolean } {
  const queryClient = useQueryClient()
  const [connected, setConnected] = useState(true)

  useEffect(() => {
    const source = new EventSource('/v1/events')
    const pending: DomainEvent[] = []
    let timer: number | undefined
    const flush = () => {
      timer = undefined
      invalidateFor(queryClient, pending.splice(0))
    }
    const onEvent = (message: MessageEvent<string>) => {
      pending.push(JSON.parse(message.data) as DomainEvent)
      timer ??= window.setTimeout(flush, FLUSH_MS)
    }
    for (const type of EVENT_TYPES) source.addEventListener(type, onEvent)
    source.onopen = () => {
      setConnected(true)
      // Whatever happened while we were away (or before the stream first opened): refresh what events
      // keep fresh, notifications included — but only answers asked before the stream opened; one
      // asked since already holds what the stream did not deliver.
      const openedAt = performance.now()
      const askedBefore = (query: Query) => fetchStartsOf(queryClient).askedBefore(query, openedAt)
      void queryClient.invalidateQueries({ queryKey: conversationKeys.all, predicate: (query) => query.queryKey[1] !== 'messages' && askedBefore(query) })
      // An open chat's history is brought up to date by its newest page, not refetched page by page.
      for (const query of queryClient.getQueryCache().findAll({ queryKey: conversationKeys.allMessages(), predicate: askedBefore })) {
        void refreshMessages(queryClient, String(query.queryKey[2]))
      }
      for (const queryKey of [notificationKeys.all, leadKeys.all, guestKeys.panels()]) void queryClient.invalidateQueries({ queryKey, predicate: askedBefore })
      // Whatever failed while the server was away (the statistics, a settings page…) asks again now that it is back.
      void queryClient.refetchQueries({ type: 'active', predicate: (query) => query.state.status === 'error' })
    }
    source.onerror = () => setConnected(source.readyState === EventSource.OPEN)
    return () => {
      window.clearTimeout(timer)
      source.close()
    }
  }, [queryClient])

  return { connected }
}

function invalidateFor(queryClient: QueryClient, events: readonly DomainEvent[]) {
  if (!events.length) return
  const conversations = new Set<string>()
  const withMessages = new Map<string, string[]>()
  const withEvents = new Set<string>()
  let reservations = false
  let notifications = false
  for (const event of events) {
    if (event.type === 'reservation.upserted') reservations = true
    else if (event.type === 'notification.created') notifications = true
    else conversations.add(event.conversationId)
    if (event.type === 'message.created' || event.type === 'message.updated') {
      const changed = withMessages.get(event.conversationId) ?? []
      if (event.type === 'message.updated') changed.push(event.messageId)
      withMessages.set(event.conversationId, changed)
    }
    if (event.type === 'conversation.event') withEvents.add(event.conversationId)
  }
  if (notifications) void queryClient.invalidateQueries({ queryKey: notificationKeys.all })
  for (const id of withEvents) void queryClient.invalidateQueries({ queryKey: conversationKeys.events(id) })
  if (conversations.size || reservations) void queryClient.invalidateQueries({ queryKey: leadKeys.all })
  if (conversations.size) void queryClient.invalidateQueries({ queryKey: conversationKeys.lists() })
  if (conversations.size) void queryClient.invalidateQueries({ queryKey: conversationKeys.allCounts() })
  for (const id of conversations) {
    void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(id) })
    void queryClient.invalidateQueries({ queryKey: serviceRecordKeys.detail(id) })
  }
  for (const [id, changed] of withMessages) void refreshMessages(queryClient, id, changed)
  // A new guest message, its language told (conversation.updated), or a translation made (or failed) in the background.
  for (const id of conversations) void queryClient.invalidateQueries({ queryKey: conversationKeys.allTranslations(id) })
  // A reservation or a new touchpoint changes what the guest panels show.
  if (reservations || conversations.size) void queryClient.invalidateQueries({ queryKey: guestKeys.panels() })
}
