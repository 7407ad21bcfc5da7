import * as chrono from 'chrono-node'

export interface DateOfInterest {
  /** The words the guest used. */
  text: string
  /** YYYY-MM-DD */
  start: string
  end: string | null
}

/**
 * Each language's casual reader without its clock-time parsers: a clock time is no date ("at
 * 21:15"), and read as one it swallows a day ("from 1 June to 4 September" became 1:00–4:00 on 4 June).
 */
function datesOnly(locale: { casual: chrono.Chrono }): chrono.Chrono {
  const reader = locale.casual.clone()
  reader.parsers = reader.parsers.filter((parser) => !/TimeExpressionParser$/.test(parser.constructor.name))
  return reader
}

const PARSERS = {
  en: datesOnly(chrono.en),
  de: datesOnly(chrono.de),
  fr: datesOnly(chrono.fr),
  it: datesOnly(chrono.it),
  es: datesOnly(chrono.es),
  nl: datesOnly(chrono.nl),
  pt: datesOnly(chrono.pt),
} as const
type Language = keyof typeof PARSERS

/** What joins two dates into a range where a language's reader does not ("del 1 de junio al 4 de septiembre"). */
const RANGE_JOINER = /^\s*(?:-|–|to|until|till|through|bis|au|à|al|a|fino al|hasta el|hasta|tot|até)\s*$/i

const day = (date: Date) => date.toISOString().slice(0, 10)

// Short, frequent words that tell the languages apart well enough to choose a date reader.
const MARKERS: Record<Language, RegExp> = {
  en: /\b(the|and|we|you|is|are|for|from|to|on|at|would|could|have|room|night|next)\b/gi,
  de: /\b(der|die|das|und|wir|ich|ist|sind|ein|eine|für|vom|bis|am|haben|zimmer|nacht|nächste)\b/gi,
  fr: /\b(le|la|les|et|nous|je|est|une|pour|du|au|avez|chambre|nuit|prochain)\b/gi,
  it: /\b(il|lo|gli|e|noi|io|è|una|per|dal|al|avete|camera|notte|prossim[oa])\b/gi,
  es: /\b(el|los|las|y|nosotros|yo|es|una|para|del|al|tienen|habitación|noche|próxim[oa])\b/gi,
  nl: /\b(de|het|en|wij|ik|is|een|voor|van|tot|kamer|nacht|volgende)\b/gi,
  pt: /\b(o|os|as|e|nós|eu|é|uma|para|do|ao|têm|quarto|noite|próxim[oa])\b/gi,
}

/** English, and the language whose frequent words the text uses most, if that is another. */
export function likelyLanguages(text: string): Language[] {
  let best: Language = 'en'
  let bestScore = 0
  for (const language of Object.keys(MARKERS) as Language[]) {
    const score = text.match(MARKERS[language])?.length ?? 0
    if (score > bestScore) {
      best = language
      bestScore = score
    }
  }
  return best === 'en' ? ['en'] : [best, 'en']
}

/**
 * The dates and ranges a guest mentions ("next weekend", "from 3 to 5 March", "vom 3. bis 5. März"),
 * read relative to the message's own time and towards the future, by the readers of the text's
 * likely language and English; where readings overlap, the one covering more of the text wins.
 * A clock time alone ("at 21:15", "um 21 Uhr") is not a date.
 */
export function datesOfInterest(text: string, writtenAt: Date): DateOfInterest[] {
  const candidates = likelyLanguages(text).flatMap((language) =>
    joinRanges(
      text,
      PARSERS[language].parse(text, { instant: writtenAt, timezone: 'UTC' }, { forwardDate: true }).filter((result) => !isClockTimeOnly(result.start)),
    ).map((reading) => ({
      index: reading.index,
      length: reading.text.length,
      date: { text: reading.text, ...comingOccurrence(reading.start, reading.end, writtenAt) },
    })),
  )
  candidates.sort((a, b) => b.length - a.length || a.index - b.index)
  const taken: { from: number; to: number }[] = []
  const chosen: typeof candidates = []
  for (const candidate of candidates) {
    const from = candidate.index
    const to = candidate.index + candidate.length
    // A bare number ("3", "10") is a count, not a date; a short word ("Do", "Mi") is more often a
    // word of another language than a weekday abbreviation.
    const words = candidate.date.text.trim()
    if (/^\d{1,2}$/.test(words) || (words.length < 4 && !/\d/.test(words))) continue
    if (taken.some((span) => from < span.to && to > span.from)) continue
    taken.push({ from, to })
    chosen.push(candidate)
  }
  return chosen.sort((a, b) => a.index - b.index).map((candidate) => candidate.date)
}

/**
 * The days a reading names, in their coming occurrence: a day without a year that has passed by the
 * message's day is next year's ("from 1 June" written in December), and a range's end without a year
 * is on or after its start ("from 20 December to 3 January").
 */
function comingOccurrence(startRead: chrono.ParsedComponents, endRead: chrono.ParsedComponents | null, writtenAt: Date): { start: string; end: string | null } {
  const today = day(writtenAt)
  const yearStated = (component: chrono.ParsedComponents) => component.isCertain('year')
  let start = startRead.date()
  if (!yearStated(startRead) && startRead.isCertain('month') && day(start) < today) start = addYears(start, 1)
  if (!endRead) return { start: day(start), end: null }
  let end = endRead.date()
  if (!yearStated(endRead) && endRead.isCertain('month')) {
    while (day(end) < day(start)) end = addYears(end, 1)
    // Moved with its start (chrono already had it a year on from the start): the nearest one after the start.
    while (day(addYears(end, -1)) >= day(start)) end = addYears(end, -1)
  }
  return { start: day(start), end: day(end) }
}

function addYears(date: Date, years: number): Date {
  const moved = new Date(date)
  moved.setUTCFullYear(date.getUTCFullYear() + years)
  return moved
}

/** A reading that names no day, weekday, month or year: "at 21:15", "um 21 Uhr". */
function isClockTimeOnly(start: chrono.ParsedComponents): boolean {
  return !(['weekday', 'day', 'month', 'year'] as const).some((component) => start.isCertain(component))
}

interface Reading {
  index: number
  text: string
  start: chrono.ParsedComponents
  end: chrono.ParsedComponents | null
}

/** The readings, with two single dates joined by a range word ("al", "to", "-") made one range. */
function joinRanges(text: string, results: chrono.ParsedResult[]): Reading[] {
  const readings: Reading[] = []
  for (const result of [...results].sort((a, b) => a.index - b.index)) {
    const previous = readings.at(-1)
    const gap = previous ? text.slice(previous.index + previous.text.length, result.index) : ''
    if (previous && !previous.end && !result.end && RANGE_JOINER.test(gap)) {
      readings[readings.length - 1] = {
        index: previous.index,
        text: text.slice(previous.index, result.index + result.text.length),
        start: previous.start,
        end: result.start,
      }
      continue
    }
    readings.push({ index: result.index, text: result.text, start: result.start, end: result.end ?? null })
  }
  return readings
}
