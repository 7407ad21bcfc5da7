import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { GUEST_DRAWER_TOGGLE_ID, GUEST_PANEL_ID } from '@/lib/dom'
import { useGuestDrawerActions, useGuestDrawerOpen } from '@/store/guest-drawer'

/**
 * The guest panel's frame. Beside the chat on a wide window; on a narrow one (styles.css) a drawer
 * over it, slid out by the chat header's toggle: opening moves focus in, Escape or its close button
 * slide it back and return focus to the toggle.
 */
export function GuestAside({ busy = false, children }: { busy?: boolean; children: ReactNode }) {
  const { t } = useTranslation()
  const open = useGuestDrawerOpen()
  const { guestDrawerClosed } = useGuestDrawerActions()
  const aside = useRef<HTMLElement>(null)

  useEffect(() => {
    if (open && isDrawer(aside.current)) aside.current?.focus()
  }, [open])

  const close = () => {
    guestDrawerClosed()
    document.getElementById(GUEST_DRAWER_TOGGLE_ID)?.focus()
  }

  return (
    <aside
      ref={aside}
      id={GUEST_PANEL_ID}
      className="guest-panel"
      aria-label={t('guest.panel')}
      aria-busy={busy}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open && isDrawer(aside.current)) {
          event.preventDefault()
          close()
        }
      }}
    >
      <button type="button" className="button guest-drawer-close" onClick={close}>
        {t('layout.closeGuestDetails')}
      </button>
      {children}
    </aside>
  )
}

/** Whether the panel is a drawer now (the narrow layout positions it fixed over the chat). */
const isDrawer = (element: HTMLElement | null) => element !== null && getComputedStyle(element).position === 'fixed'
