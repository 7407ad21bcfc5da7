import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FILTER_BUTTON_ID } from '@/lib/dom'

const POPOVER_ID = 'conversation-filters-popover'

/**
 * The Filters button and the popover it opens (a non-modal dialog). Opening moves focus into it;
 * Escape, or the button again, closes it and gives focus back to the button; a click elsewhere or
 * tabbing out closes it too.
 */
export function FilterPopover({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const anchor = useRef<HTMLDivElement>(null)
  const panel = useRef<HTMLDivElement>(null)

  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) document.getElementById(FILTER_BUTTON_ID)?.focus()
  }

  useEffect(() => {
    if (!open) return
    panel.current?.querySelector<HTMLElement>('input, select, button')?.focus()
    const onPointerDown = (event: PointerEvent) => {
      if (!anchor.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  return (
    <div
      ref={anchor}
      className="filter-popover-anchor"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault()
          event.stopPropagation()
          close(true)
        }
      }}
      onBlur={(event) => {
        if (open && event.relatedTarget instanceof Node && !anchor.current?.contains(event.relatedTarget)) setOpen(false)
      }}
    >
      <button
        id={FILTER_BUTTON_ID}
        type="button"
        className={`button filter-button${activeCount ? ' filtered' : ''}`}
        aria-expanded={open}
        aria-controls={open ? POPOVER_ID : undefined}
        aria-haspopup="dialog"
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M2 3h12l-4.5 5.5V13l-3-1.5v-3z" />
        </svg>
        {t('layout.filters')}
        {activeCount > 0 && (
          <span className="filter-count">
            <span aria-hidden="true">{activeCount}</span>
            <span className="visually-hidden">{t('layout.filtersActive', { count: activeCount })}</span>
          </span>
        )}
      </button>
      {open && (
        <div id={POPOVER_ID} ref={panel} className="filter-popover" role="dialog" aria-label={t('layout.filters')}>
          {children}
        </div>
      )}
    </div>
  )
}
