import type { QueryClient } from '@tanstack/react-query'
import { conversationListOptions } from '@/features/conversations/api/conversation-list'
import { initialApiFilters } from '@/features/conversations/stores/filters-store'
import { sessionOptions } from '@/features/session/api/session'
import { setupStatusOptions } from '@/features/setup/api/setup'
import { conversationOptions } from '@/queries/conversation'
import { messagesOptions } from '@/queries/messages'
import { conversationIdOf } from './routes'

/**
 * Asks for what the first screen shows as soon as the code runs, not after the app's first render
 * (tens of milliseconds on a desk PC): the setup status, the session, the inbox's first page (these
 * three index.html has already started) and, at /conversations/:id, that chat's newest messages.
 * The screen's own queries use the same keys and find the answers in the cache or on their way.
 * Signed out, the inbox's requests are refused (401) and nothing is shown of them.
 */
export function prefetchFirstScreen(queryClient: QueryClient, pathname: string): void {
  void queryClient.prefetchQuery(setupStatusOptions())
  void queryClient.prefetchQuery(sessionOptions())
  if (pathname !== '/' && !pathname.startsWith('/conversations/')) return
  const conversationId = conversationIdOf(pathname)
  if (conversationId) {
    void queryClient.prefetchInfiniteQuery(messagesOptions(conversationId))
    void queryClient.prefetchQuery(conversationOptions(conversationId))
  }
  void queryClient.prefetchInfiniteQuery(conversationListOptions(initialApiFilters()))
}
