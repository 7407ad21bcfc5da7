import { useSyncExternalStore } from 'react'

/**
 * A tiny history-based router: the address bar is the single source of truth for which screen
 * (and which conversation) is shown, so deep links survive a reload.
 */
const listeners = new Set<() => void>()

function notify() {
  for (const listener of listeners) listener()
}

window.addEventListener('popstate', notify)

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const currentLocation = () => window.location.pathname + window.location.search

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}) {
  if (to === currentLocation()) return
  if (replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  notify()
}

/** The current path and query, e.g. `/conversations/conv_1` or `/sign-in?next=%2Fagents`. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const location = useSyncExternalStore(subscribe, currentLocation)
  const url = new URL(location, window.location.origin)
  return { pathname: url.pathname, search: url.searchParams }
}

export const conversationPath = (id: string) => `/conversations/${encodeURIComponent(id)}`

/** Only same-origin paths may be returned to after signing in. */
export function safeReturnPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/'
}
