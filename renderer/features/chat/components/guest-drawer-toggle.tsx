import { useTranslation } from 'react-i18next'
import { GUEST_DRAWER_TOGGLE_ID, GUEST_PANEL_ID } from '@/lib/dom'
import { useGuestDrawerActions, useGuestDrawerOpen } from '@/store/guest-drawer'

/** The chat header's button that slides the guest panel out on a narrow window (styles.css hides it on a wide one). */
export function GuestDrawerToggle() {
  const { t } = useTranslation()
  const open = useGuestDrawerOpen()
  const { guestDrawerToggled } = useGuestDrawerActions()
  return (
    <button
      id={GUEST_DRAWER_TOGGLE_ID}
      type="button"
      className="button guest-drawer-toggle"
      aria-expanded={open}
      aria-controls={GUEST_PANEL_ID}
      onClick={guestDrawerToggled}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M8 3a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM3 13.5c.6-2.6 2.6-4 5-4s4.4 1.4 5 4" />
      </svg>
      {t('layout.guestDetails')}
    </button>
  )
}
