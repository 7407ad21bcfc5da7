import type { AnchorHTMLAttributes } from 'react'
import { navigate } from '@/lib/router'

/**
 * A link to an address of the app: a plain click moves there without reloading; Ctrl/Cmd/Shift or a
 * middle click keep the browser's own behaviour (a new tab or window).
 */
export function AppLink({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(event) => {
        onClick?.(event)
        if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
        event.preventDefault()
        navigate(href)
      }}
    />
  )
}
