/**
 * What the words around a question's concepts say. Before a clock time ("before 12", "vor 12 Uhr",
 * "avant midi", "prima delle 12", "antes de las 12") is early, after one late: "a room before 12" is an
 * early check-in. (A clock time alone is no time concept: "can we check in at 10am?" asks for an early
 * check-in more than for the check-in time.) And what the guest tells of their plans is the
 * circumstance of the question, not what it asks about: their own journey ("our flight lands at 8",
 * "unser Zug fährt abends") and what happens before or after ("after checking out", "nach dem Auschecken").
 */
import type { ConceptMatch, Lexicon } from './concepts.js'
import type { Language } from './languages.js'
import { isFiller, isStopword, type Token } from './normalise.js'

const words = (text: string) => new Set(text.split(/\s+/).filter(Boolean))

/** A number with a clock's unit: "8pm", "15h", "10h30", "11uhr". */
const CLOCK_TIME = /^\d{1,2}(?:am|pm|h|h\d\d|uhr)$/
const HOUR = /^\d{1,2}$/
const MINUTES = /^\d\d$/
/** Words after an hour that make it one ("8 pm", "11 Uhr", "15 heures", "alle 12 ore"). */
const CLOCK_UNITS = words('am pm h uhr heure heures ore horas hs')
/** Words before a number that make it an hour ("at 8", "um 11", "à 10", "alle 12", "a las 3"). */
const CLOCK_PREPOSITIONS: Record<Language, ReadonlySet<string>> = {
  en: words('at by until till before after from around past'),
  de: words('um bis ab vor nach gegen'),
  fr: words('a avant apres vers des'),
  it: words('alle dalle delle entro prima dopo verso le'),
  es: words('las'),
}
/** Times of day that are no number: "before noon", "vor Mittag", "avant midi", "prima di pranzo", "antes del mediodía". */
const NAMED_TIMES = words(
  'noon midday midnight lunch lunchtime mittag mitternacht mittagessen midi minuit dejeuner mezzogiorno mezzanotte pranzo mediodia medianoche almuerzo',
)

const BEFORE = words('before vor avant prima antes')
/** Italian "prima" and Spanish "antes" on their own are "earlier" ("fare il check-in prima", "¿se puede entrar antes?"). */
const EARLIER = words('prima antes')
/** What makes them "before" something ("prima delle 12", "antes de las 3") or "the first" ("la prima notte"). */
const NOT_EARLIER = words('di del della dello delle dei degli dell che de que la las le una el los')
const AFTER = words('after nach apres dopo despues tras')
/** "before", "after" and "during": what follows them is when the question's matter happens, not the matter itself. */
const TEMPORAL = new Set([...BEFORE, ...AFTER, ...words('during while wahrend pendant lors durante')])
/** How far after "before" / "after" what it governs may start: "after we leave the room", "prima del mio arrivo". */
const TEMPORAL_REACH = 3

const POSSESSIVES = words(
  'my our mein meine meinen meinem meiner unser unsere unseren unserem unserer mon ma mes notre nos mio mia miei mie nostro nostra nostri nostre mi mis nuestro nuestra nuestros nuestras',
)

export interface Context {
  /** Concepts the words around the terms name: early or late before or after a clock time. */
  concepts: string[]
  /** Topics named as the guest's circumstance (see above). */
  circumstances: string[]
  /** Those of them that are the guest's own journey: a detail of their plans, where "after check-out" may be the point of the question. */
  journeys: string[]
}

const isLight = (token: Token | undefined, language: Language) => !!token && (isStopword(token.folded, language) || isFiller(token.folded, language))

function isClockTime(tokens: readonly Token[], i: number, language: Language): boolean {
  const word = tokens[i]?.folded ?? ''
  if (CLOCK_TIME.test(word)) return true
  if (!HOUR.test(word) || Number(word) > 24) return false
  const next = tokens[i + 1]?.folded ?? ''
  return CLOCK_UNITS.has(next) || MINUTES.test(next) || CLOCK_PREPOSITIONS[language].has(tokens[i - 1]?.folded ?? '')
}

/** The "before" or "after" a time at position `i` follows, across articles and prepositions ("antes de las 3", "prima delle 12"). */
function governingWord(tokens: readonly Token[], i: number, language: Language, consumed: ReadonlySet<number>): string | null {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const word = tokens[j]?.folded ?? ''
    if ((BEFORE.has(word) || AFTER.has(word)) && !consumed.has(j)) return word
    if (!isLight(tokens[j], language)) return null
  }
  return null
}

/** The positions a "before", "after" or "during" reaches: the words it governs up to the first content word. */
function temporalReach(tokens: readonly Token[], language: Language, consumed: ReadonlySet<number>): Set<number> {
  const reached = new Set<number>()
  tokens.forEach((token, i) => {
    if (!TEMPORAL.has(token.folded) || consumed.has(i)) return
    for (let j = i + 1; j <= i + TEMPORAL_REACH && j < tokens.length; j++) {
      reached.add(j)
      if (!isLight(tokens[j], language)) break
    }
  })
  return reached
}

/** What the words around the `matches` of a text's `concepts` (those a named one includes left out) say. */
export function readContext(
  tokens: readonly Token[],
  matches: readonly ConceptMatch[],
  concepts: readonly string[],
  { language, lexicon }: { language: Language; lexicon: Lexicon },
): Context {
  const consumed = new Set(matches.flatMap((match) => match.positions))
  const timing = new Set<string>()
  tokens.forEach((token, i) => {
    const governing = isClockTime(tokens, i, language) || NAMED_TIMES.has(token.folded) ? governingWord(tokens, i, language, consumed) : null
    if (governing && BEFORE.has(governing)) timing.add('early')
    if (governing && AFTER.has(governing)) timing.add('late')
    const around = [tokens[i - 1]?.folded ?? '', tokens[i + 1]?.folded ?? '']
    if (EARLIER.has(token.folded) && !consumed.has(i) && !around.some((word) => NOT_EARLIER.has(word))) timing.add('early')
  })

  const reach = temporalReach(tokens, language, consumed)
  const circumstances = new Set<string>()
  const journeys = new Set<string>()
  for (const match of matches) {
    if (lexicon.kinds.get(match.concept) !== 'topic' || !concepts.includes(match.concept)) continue
    const first = match.positions[0] ?? 0
    const ownJourney = lexicon.journeys.has(match.concept) && POSSESSIVES.has(tokens[first - 1]?.folded ?? '')
    if (ownJourney) journeys.add(match.concept)
    if (ownJourney || reach.has(first)) circumstances.add(match.concept)
  }
  return { concepts: [...timing].filter((concept) => lexicon.kinds.has(concept)), circumstances: [...circumstances], journeys: [...journeys] }
}
