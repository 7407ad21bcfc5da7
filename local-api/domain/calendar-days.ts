/**
 * Calendar days in a time zone, as whole numbers: day 0 is 1970-01-01 (so a day's number is the same
 * date in every zone). Statistics count by the property's own days.
 *
 * Time zones change their offset only on quarter-hour instants (every zone in use since 1970), so
 * the date of a quarter hour's first instant is the date of all of it: dates are looked up per
 * quarter hour through Intl and cached.
 */
const DAY_MS = 86_400_000
const SLOT_MS = 15 * 60_000
const SLOTS_PER_DAY = DAY_MS / SLOT_MS
/** Offsets lie between -12 h and +14 h: a day starts within 15 h of its UTC midnight. */
const SEARCH_SLOTS = 15 * 4
const CACHE_LIMIT = 200_000

const zones = new Map<string, { format: Intl.DateTimeFormat; slots: Map<number, number> }>()

/** A zone Intl does not know (a store written by a newer or broken system) counts in UTC rather than failing a write. */
function zone(timeZone: string) {
  let found = zones.get(timeZone)
  if (!found) {
    const options = { year: 'numeric', month: '2-digit', day: '2-digit' } as const
    let format: Intl.DateTimeFormat
    try {
      format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone })
    } catch {
      format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: 'UTC' })
    }
    found = { format, slots: new Map() }
    zones.set(timeZone, found)
  }
  return found
}

/** The number of a date written YYYY-MM-DD. */
export const dayOfDate = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS

/** The date (YYYY-MM-DD) of a day's number. */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10)

function slotDay(slot: number, timeZone: string): number {
  const { format, slots } = zone(timeZone)
  let day = slots.get(slot)
  if (day === undefined) {
    if (slots.size >= CACHE_LIMIT) slots.clear()
    // en-CA writes dates as YYYY-MM-DD.
    day = dayOfDate(format.format(slot * SLOT_MS))
    slots.set(slot, day)
  }
  return day
}

/** The day an instant (ms) falls on in a time zone. */
export const dayAt = (ms: number, timeZone: string): number => slotDay(Math.floor(ms / SLOT_MS), timeZone)

/** The first instant (ms) of a day in a time zone (its midnight, or when midnight is skipped, the first time that day). */
export function startOfDay(day: number, timeZone: string): number {
  let low = day * SLOTS_PER_DAY - SEARCH_SLOTS
  let high = day * SLOTS_PER_DAY + SEARCH_SLOTS
  // The first quarter hour whose date is `day` or later.
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    if (slotDay(middle, timeZone) >= day) high = middle
    else low = middle + 1
  }
  return low * SLOT_MS
}
