import type { QueryClient } from '@tanstack/react-query'
import { conversationListOptions } from '@/features/conversations/api/conversation-list'
import { outletsOptions } from '@/features/conversations/api/outlets'
import { channelsInUseOptions } from '@/features/conversations/api/channels-in-use'
import { initialApiFilters } from '@/features/conversations/stores/filters-store'
import { sessionOptions } from '@/features/session/api/session'
import { setupStatusOptions } from '@/features/setup/api/setup'
import { conversationOptions } from '@/queries/conversation'
import { messagesOptions } from '@/queries/messages'
import { propertiesOptions } from '@/queries/properties'
import { conversationIdOf } from './routes'

/** The longest the app waits for the first screen's data before it renders anyway (with its loading states). */
export const FIRST_SCREEN_WAIT_MS = 250

/**
 * Asks for what the first screen shows as soon as the code runs, not after the app's first render
 * (tens of milliseconds on a desk PC): the setup status, the session and, in the inbox, the list's
 * first page with the properties and outlets its filters offer, and at /conversations/:id that
 * chat's newest messages and summary. The desk's server put the answers to what is drawn first in
 * the page itself (local-api/plugins/first-screen-answers.ts asks for the same addresses), so these
 * are usually in at once; at a chat, the list's are asked of the desk while the chat is drawn. The screen's own queries use the same keys and find the answers in the cache. Signed out, the
 * inbox's requests are refused (401) and nothing is shown of them.
 *
 * Settles when what the first render draws is in (or failed), or after FIRST_SCREEN_WAIT_MS: rendering
 * then draws the screen once, filled, rather than a loading screen followed by the inbox.
 */
export function prefetchFirstScreen(queryClient: QueryClient, pathname: string): Promise<void> {
  // What the first render draws, waited for; what is drawn just after it, only asked.
  const drawnFirst: Promise<unknown>[] = [queryClient.prefetchQuery(setupStatusOptions()), queryClient.prefetchQuery(sessionOptions())]
  if (pathname === '/' || pathname.startsWith('/conversations/')) {
    const conversationId = conversationIdOf(pathname)
    // The list and the properties and outlets its filters offer (asked now, not in mid-render).
    const list = [
      queryClient.prefetchInfiniteQuery(conversationListOptions(initialApiFilters())),
      queryClient.prefetchQuery(propertiesOptions()),
      queryClient.prefetchQuery(outletsOptions()),
      queryClient.prefetchQuery(channelsInUseOptions()),
    ]
    // Opened at a chat, the chat is drawn first and the list just after it.
    if (conversationId)
      drawnFirst.push(queryClient.prefetchInfiniteQuery(messagesOptions(conversationId)), queryClient.prefetchQuery(conversationOptions(conversationId)))
    else drawnFirst.push(...list)
  }
  return Promise.race([Promise.all(drawnFirst).then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))])
}
