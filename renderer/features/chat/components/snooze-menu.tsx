import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Conversation } from '@api-contract'
import { onSnoozeMenuRequest, takeSnoozeMenuRequest } from '@/lib/dom'
import { parseZonedInput, tomorrowAt } from '@/lib/zoned-time'
import { useSnoozeConversation } from '@/queries/conversation-state'

const HOUR = 3_600_000
/** A time typed for the snooze: read on the hotel's clock, and only one still to come. */
const futureTime = (value: string, timeZone: string): number | undefined => {
  const at = parseZonedInput(value, timeZone)
  return at !== undefined && at > Date.now() ? at : undefined
}

/**
 * The Snooze button and its popover: in 1 hour, in 3 hours, tomorrow 09:00 at the hotel, until the
 * guest writes, or another time (typed on the hotel's clock). The list's `z` key opens it too.
 */
export function SnoozeMenu({ conversation, timeZone }: { conversation: Conversation; timeZone: string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [custom, setCustom] = useState('')
  const [customProblem, setCustomProblem] = useState(false)
  const snooze = useSnoozeConversation()
  const trigger = useRef<HTMLButtonElement>(null)
  const popover = useRef<HTMLDivElement>(null)
  const popoverId = useId()
  const id = conversation.id

  // Asked for by the `z` key: now, or as soon as this chat is shown.
  useEffect(() => {
    const take = () => {
      if (takeSnoozeMenuRequest(id)) setOpen(true)
    }
    take()
    return onSnoozeMenuRequest(take)
  }, [id])

  useEffect(() => {
    if (!open) return
    popover.current?.querySelector<HTMLElement>('button')?.focus()
    const onPointerDown = (event: PointerEvent) => {
      if (!popover.current?.contains(event.target as Node) && !trigger.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  function close() {
    setOpen(false)
    trigger.current?.focus()
  }

  function snoozeUntil(until: number | null) {
    snooze.mutate({ id, until }, { onSuccess: close })
  }

  function submitCustom(event: FormEvent) {
    event.preventDefault()
    const until = futureTime(custom, timeZone)
    setCustomProblem(until === undefined)
    if (until !== undefined) snoozeUntil(until)
  }

  const choices: { label: string; until: () => number | null }[] = [
    { label: t('states.inOneHour'), until: () => Date.now() + HOUR },
    { label: t('states.inThreeHours'), until: () => Date.now() + 3 * HOUR },
    { label: t('states.tomorrowMorning'), until: () => tomorrowAt(Date.now(), 9, 0, timeZone) },
    { label: t('states.untilGuestWrites'), until: () => null },
  ]

  return (
    <div className="snooze-menu">
      <button
        ref={trigger}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        aria-keyshortcuts="z"
        onClick={() => setOpen(!open)}
      >
        {t('states.snooze')}
      </button>
      {open && (
        <div
          id={popoverId}
          ref={popover}
          className="snooze-popover"
          role="dialog"
          aria-label={t('states.snoozeUntil')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation()
              close()
            }
          }}
        >
          <ul className="plain">
            {choices.map((choice) => (
              <li key={choice.label}>
                <button type="button" className="snooze-choice" disabled={snooze.isPending} onClick={() => snoozeUntil(choice.until())}>
                  {choice.label}
                </button>
              </li>
            ))}
          </ul>
          <form className="snooze-custom" onSubmit={submitCustom}>
            <label>
              {t('states.customTime', { zone: timeZone })}
              <input type="datetime-local" required value={custom} onChange={(event) => setCustom(event.target.value)} />
            </label>
            <button type="submit" className="button" disabled={snooze.isPending}>
              {t('states.snoozeCustom')}
            </button>
          </form>
          {customProblem && (
            <p className="form-error" role="alert">
              {t('states.customInvalid')}
            </p>
          )}
          {snooze.isError && (
            <p className="form-error" role="alert">
              {t('states.failed', { reason: snooze.error.message })}
            </p>
          )}
        </div>
      )}
    </div>
  )
}
