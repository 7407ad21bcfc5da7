import type { TFunction } from 'i18next'
import { isSameDay } from './date-ranges.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** "now", "3 min", "2 h", "Yesterday" or a short date, WhatsApp-style. */
export function relativeTime(iso: string, now: number, t: TFunction, locale: string): string {
  const then = new Date(iso)
  const elapsed = Math.max(0, now - then.getTime())
  if (elapsed < MINUTE) return t('time.now')
  if (elapsed < HOUR) return t('time.minutes', { count: Math.floor(elapsed / MINUTE) })
  if (elapsed < DAY) return t('time.hours', { count: Math.floor(elapsed / HOUR) })
  const today = new Date(now)
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1)
  if (isSameDay(then, yesterday)) return t('time.yesterday')
  const sameYear = then.getFullYear() === today.getFullYear()
  return then.toLocaleDateString(locale, sameYear ? { day: 'numeric', month: 'short' } : { dateStyle: 'medium' })
}

/** A message's time: just the clock today, with the date otherwise. */
export function messageTime(iso: string, now: number, locale: string): string {
  const then = new Date(iso)
  return isSameDay(then, new Date(now))
    ? then.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
    : then.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
}
