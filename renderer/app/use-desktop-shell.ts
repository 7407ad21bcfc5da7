import { useEffect } from 'react'
import { CONVERSATION_SEARCH_ID } from '@/lib/dom'
import { desktop } from '@/lib/desktop'
import { navigate } from '@/lib/router'

/**
 * In the desktop app: tells the shell who is signed in (their notifications show), and follows
 * its requests — open a conversation from a notification, go to a page from the menu, find.
 */
export function useDesktopShell(agentId: string) {
  useEffect(() => {
    if (!desktop) return
    void desktop.agentSignedIn(agentId)
    const stopNavigate = desktop.onNavigate((path) => {
      if (path.startsWith('/') && !path.startsWith('//')) navigate(path)
    })
    const stopFind = desktop.onFocusSearch(() => {
      navigate('/')
      requestAnimationFrame(() => document.getElementById(CONVERSATION_SEARCH_ID)?.focus())
    })
    return () => {
      stopNavigate()
      stopFind()
      void desktop?.agentSignedIn(null)
    }
  }, [agentId])
}
