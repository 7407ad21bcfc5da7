// Wall-clock times in a property's time zone (which may not be the browser's): "tomorrow 09:00"
// at the hotel, a date-time typed for the hotel, and how a snooze's end reads there.

interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>()

/** The wall clock of `timeZone` at instant `at`. */
function wallTimeAt(at: number, timeZone: string): WallTime & { second: number } {
  let formatter = partsFormatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    partsFormatters.set(timeZone, formatter)
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(at)).map((part) => [part.type, part.value]))
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** How far `timeZone`'s clock is ahead of UTC at instant `at`, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const wall = wallTimeAt(at, timeZone)
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(at / 1000) * 1000
}

/** The instant at which `timeZone`'s clock shows `wall` (in a DST gap, the hour after). */
export function zonedInstant(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute)
  const guess = asUtc - offsetAt(asUtc, timeZone)
  // Once more with the offset at the guess: right on either side of a DST change.
  return asUtc - offsetAt(guess, timeZone)
}

/** Tomorrow at hour:minute on `timeZone`'s clock, from `now`. */
export function tomorrowAt(now: number, hour: number, minute: number, timeZone: string): number {
  const today = wallTimeAt(now, timeZone)
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1))
  return zonedInstant({ year: tomorrow.getUTCFullYear(), month: tomorrow.getUTCMonth() + 1, day: tomorrow.getUTCDate(), hour, minute }, timeZone)
}

/** A datetime-local input's value ("2026-12-03T09:00") read on `timeZone`'s clock; undefined when it is not one. */
export function parseZonedInput(value: string, timeZone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value)
  if (!match) return undefined
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number]
  return zonedInstant({ year, month, day, hour, minute }, timeZone)
}

/** A datetime-local input's value for instant `at` on `timeZone`'s clock. */
export function zonedInputValue(at: number, timeZone: string): string {
  const wall = wallTimeAt(at, timeZone)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${wall.year}-${two(wall.month)}-${two(wall.day)}T${two(wall.hour)}:${two(wall.minute)}`
}

const DAY = 86_400_000
const untilFormatters = new Map<string, Intl.DateTimeFormat>()

/** When a snooze ends, as the desk reads it on `timeZone`'s clock: "Thu 09:00" within the week, "12 Dec, 09:00" after. */
export function snoozeEndText(at: number, now: number, locale: string, timeZone: string): string {
  const withinWeek = at - now < 6 * DAY
  const key = `${locale}|${timeZone}|${withinWeek}`
  let formatter = untilFormatters.get(key)
  if (!formatter) {
    const day: Intl.DateTimeFormatOptions = withinWeek ? { weekday: 'short' } : { day: 'numeric', month: 'short' }
    formatter = new Intl.DateTimeFormat(locale, { ...day, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
    untilFormatters.set(key, formatter)
  }
  return formatter.format(new Date(at))
}
