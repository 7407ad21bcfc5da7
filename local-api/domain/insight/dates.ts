import * as chrono from 'chrono-node'

export interface DateOfInterest {
  /** The words the guest used. */
  text: string
  /** YYYY-MM-DD */
  start: string
  end: string | null
}

const PARSERS = { en: chrono.en, de: chrono.de, fr: chrono.fr, it: chrono.it, es: chrono.es, nl: chrono.nl, pt: chrono.pt } as const
type Language = keyof typeof PARSERS

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
 */
export function datesOfInterest(text: string, writtenAt: Date): DateOfInterest[] {
  const candidates = likelyLanguages(text).flatMap((language) =>
    PARSERS[language].parse(text, { instant: writtenAt, timezone: 'UTC' }, { forwardDate: true }).map((result) => ({
      index: result.index,
      length: result.text.length,
      date: {
        text: result.text,
        start: day(result.start.date()),
        end: result.end ? day(result.end.date()) : null,
      },
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
