import { useEffect, useLayoutEffect, useRef } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { Conversation } from '@api-contract'
import { CONVERSATION_SEARCH_ID, focusElement, isActivatableTarget, isTypingTarget, requestSnoozeMenu } from '@/lib/dom'
import { conversationPath, navigate } from '@/lib/router'
import { conversationKeys } from '@/api/query-keys'
import { useMarkUnread, useReopenConversation, useResolveConversation } from '@/queries/conversation-state'
import { useFilterActions, useHighlightedId } from '../stores/filters-store'

/**
 * The list's shortcuts, as in mail clients: j / k move the highlight, Enter opens the
 * highlighted conversation, / jumps to the search box; e resolves (or reopens a resolved one), z snoozes (its menu in the chat)
 * and u marks unread the highlighted conversation, else the open one. Keys typed into a field are left alone.
 */
export function useListKeyboard(conversations: readonly Conversation[], selectedId: string | null, scrollToIndex: (index: number) => void) {
  const highlightedId = useHighlightedId()
  const { rowHighlighted } = useFilterActions()
  const queryClient = useQueryClient()
  const { mutate: resolve } = useResolveConversation()
  const { mutate: reopen } = useReopenConversation()
  const { mutate: markUnread } = useMarkUnread()
  // The listener reads the latest values without being re-attached on every render; they are
  // stored as each render commits, before any key can reach the listener.
  const latest = useRef({ conversations, selectedId, highlightedId, scrollToIndex })
  useLayoutEffect(() => {
    latest.current = { conversations, selectedId, highlightedId, scrollToIndex }
  })

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return
      const { conversations, selectedId, highlightedId, scrollToIndex } = latest.current
      if (event.key === '/') {
        event.preventDefault()
        focusElement(CONVERSATION_SEARCH_ID)
        return
      }
      const step = event.key === 'j' ? 1 : event.key === 'k' ? -1 : 0
      if (step !== 0) {
        if (conversations.length === 0) return
        event.preventDefault()
        const from = conversations.findIndex((c) => c.id === (highlightedId ?? selectedId))
        const index = from === -1 ? (step > 0 ? 0 : conversations.length - 1) : Math.min(conversations.length - 1, Math.max(0, from + step))
        rowHighlighted(conversations[index]!.id)
        scrollToIndex(index)
        return
      }
      if (event.key === 'Enter' && highlightedId && !isActivatableTarget(event.target)) {
        event.preventDefault()
        navigate(conversationPath(highlightedId))
        return
      }
      const target = highlightedId ?? selectedId
      if (!target || event.shiftKey) return
      if (event.key === 'e') {
        event.preventDefault()
        // For the open chat, its own summary first: a state action sets it at once, while the list's
        // page (asked again after it) may still say "open" for a moment, and a second e would resolve
        // again. For a row highlighted in the list, the list's page (a chat not open may be old).
        const inList = conversations.find((c) => c.id === target)
        const inChat = queryClient.getQueryData<Conversation>(conversationKeys.detail(target))
        const state = (target === selectedId ? (inChat ?? inList) : (inList ?? inChat))?.state
        if (state === 'resolved') reopen(target)
        else resolve(target)
      } else if (event.key === 'u') {
        event.preventDefault()
        // An open chat reads what it shows: leave it, or it would be read again at once.
        if (target === selectedId) navigate('/')
        markUnread(target)
      } else if (event.key === 'z') {
        event.preventDefault()
        if (target !== selectedId) navigate(conversationPath(target))
        requestSnoozeMenu(target)
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [queryClient, rowHighlighted, resolve, reopen, markUnread])
}
