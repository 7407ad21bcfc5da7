import { isSameDay } from './date-ranges.js'

/** Formats by name: building an Intl.DateTimeFormat costs far more than using one, and a long chat formats thousands of times. */
const FORMATS = {
  clock: { hour: '2-digit', minute: '2-digit' },
  dayMonth: { day: 'numeric', month: 'short' },
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>
const formatters = new Map<string, Intl.DateTimeFormat>()

export function formatDate(date: Date, locale: string, format: keyof typeof FORMATS): string {
  const key = `${locale}|${format}`
  let formatter = formatters.get(key)
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, FORMATS[format])))
  return formatter.format(date)
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const units = new Map<string, Intl.NumberFormat>()
const relatives = new Map<string, Intl.RelativeTimeFormat>()
const amount = (locale: string, unit: 'minute' | 'hour', count: number) => {
  const key = `${locale}|${unit}`
  let format = units.get(key)
  if (!format) units.set(key, (format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' })))
  return format.format(count)
}
/** "now", "yesterday" in the locale's words ("jetzt", "gestern", "昨天"): they read in a sentence too. */
const named = (locale: string, value: number, unit: 'second' | 'day') => {
  let format = relatives.get(locale)
  if (!format) relatives.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })))
  return format.format(value, unit)
}

/** "now", "3 min", "2 hr", "yesterday" or a short date, WhatsApp-style, in the locale's own words (Intl). */
export function relativeTime(iso: string, now: number, locale: string): string {
  const then = new Date(iso)
  const elapsed = Math.max(0, now - then.getTime())
  if (elapsed < MINUTE) return named(locale, 0, 'second')
  if (elapsed < HOUR) return amount(locale, 'minute', Math.floor(elapsed / MINUTE))
  if (elapsed < DAY) return amount(locale, 'hour', Math.floor(elapsed / HOUR))
  const today = new Date(now)
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1)
  if (isSameDay(then, yesterday)) return named(locale, -1, 'day')
  const sameYear = then.getFullYear() === today.getFullYear()
  return formatDate(then, locale, sameYear ? 'dayMonth' : 'date')
}

/** A message's time: just the clock today, with the date otherwise. */
export function messageTime(iso: string, now: number, locale: string): string {
  const then = new Date(iso)
  return formatDate(then, locale, isSameDay(then, new Date(now)) ? 'clock' : 'dateTime')
}
