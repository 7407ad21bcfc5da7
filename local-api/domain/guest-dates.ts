/**
 * Dates as a guest reads them: "Thursday, 3 December" / "Donnerstag, 3. Dezember", in the guest's
 * language (else the language of the property's country), the year only when it is not this one.
 */

/** The locale for a guest's dates: their language, else the main language of the property's country; English as written in Europe otherwise. */
export function guestDateLocale(language: string | null, country: string | null): string {
  const base = language?.toLowerCase().split(/[-_]/)[0] || countryLanguage(country)
  if (!base || base === 'en') return country?.toUpperCase() === 'US' ? 'en-US' : 'en-GB'
  return supported(base) ? base : 'en-GB'
}

/** A calendar day (YYYY-MM-DD) for a person: weekday, day and month, and the year when it is not `today`'s. */
export function formatGuestDay(day: string, locale: string, today: string): string {
  // A calendar day has no zone: its noon in UTC is that day everywhere it is formatted.
  const at = Date.parse(`${day}T12:00:00Z`)
  const date: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'long',
    ...(day.slice(0, 4) !== today.slice(0, 4) && { year: 'numeric' }),
    timeZone: 'UTC',
  }
  // British English writes "Thursday 3 December" but "Thursday, 3 December 2027": always with the comma.
  if (locale === 'en-GB') {
    return `${new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(at)}, ${new Intl.DateTimeFormat(locale, date).format(at)}`
  }
  return new Intl.DateTimeFormat(locale, { weekday: 'long', ...date }).format(at)
}

/** The property's own today (YYYY-MM-DD) at `now`, in its time zone (UTC for a zone Intl does not know). */
export function todayIn(timeZone: string, now: number): string {
  const options = { year: 'numeric', month: '2-digit', day: '2-digit' } as const
  try {
    return new Intl.DateTimeFormat('en-CA', { ...options, timeZone }).format(now)
  } catch {
    return new Date(now).toISOString().slice(0, 10)
  }
}

function countryLanguage(country: string | null): string | undefined {
  if (!country || !/^[a-z]{2}$/i.test(country)) return undefined
  try {
    return new Intl.Locale('und', { region: country.toUpperCase() }).maximize().language
  } catch {
    return undefined
  }
}

function supported(language: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0
  } catch {
    return false
  }
}
