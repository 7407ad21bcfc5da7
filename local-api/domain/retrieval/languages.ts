/**
 * The languages the agent's retrieval knows (stemmer, stopwords, concept lexicon), and offline
 * detection of which of them a guest wrote in.
 */
import { LANGUAGE_HINTS, STOPWORDS } from './stopwords.js'

type LanguageModel = Pick<typeof import('tinyld/light'), 'detectAll'>
let model: LanguageModel | undefined
let loading: Promise<void> | undefined

/**
 * Loads tinyld's language model: its light one, which holds the desk's event loop for about 45 ms
 * where the normal one held it for 240 ms, with the same evaluation figures (npm run eval:agent; the
 * candidates are our five languages, and stopwords and letters hint too). Still not loaded with the
 * program (a desk's start would wait for it): the agent asks for it when it starts and before it
 * reads a guest message; until it is in, detection goes by the hints alone.
 */
export function loadLanguageModel(): Promise<void> {
  loading ??= import('tinyld/light').then((loaded) => {
    model = loaded
  })
  return loading
}

/** Whether tinyld's model is in (before, detection goes by the hints alone). */
export const languageModelLoaded = (): boolean => model !== undefined

/** tinyld's own ranking of the languages it knows for `text`, best first (empty until its model is in). */
export const rankLanguages = (text: string): { lang: string; accuracy: number }[] => model?.detectAll(text) ?? []

export const SUPPORTED_LANGUAGES = ['en', 'de', 'fr', 'it', 'es'] as const
export type Language = (typeof SUPPORTED_LANGUAGES)[number]

export const isSupportedLanguage = (code: string | null | undefined): code is Language => (SUPPORTED_LANGUAGES as readonly string[]).includes(code ?? '')

/** Letters that, on their own, say a lot about the language (folded text loses them, so they are read first). */
const DIACRITIC_HINTS: readonly [RegExp, Language][] = [
  [/[äöüß]/, 'de'],
  [/[ñ¿¡]/, 'es'],
  [/[çœêâîûëï]/, 'fr'],
  [/[ìòù]/, 'it'],
]

const HINT_PER_STOPWORD = 0.35
const HINT_PER_DIACRITIC = 0.5
/** Below this the best language is a guess: tinyld gives short texts ("wifi password?") to Afrikaans. */
const MIN_SCORE = 0.3
/** How far ahead of the second language the first must be. */
const MIN_MARGIN = 0.15

/**
 * The language of a guest's text among `candidates` (the supported ones by default), or null when
 * unsure. tinyld's n-gram scores are combined with a hint from stopwords and letters of the
 * supported languages, which carry short texts ("Hallo, habt ihr WLAN?", "¿tenéis piscina?").
 */
export function detectLanguage(text: string, candidates: readonly string[] = SUPPORTED_LANGUAGES): string | null {
  if (candidates.length === 0) return null
  if (candidates.length === 1) return candidates[0] ?? null
  const scores = new Map<string, number>(candidates.map((code) => [code, 0]))
  for (const { lang, accuracy } of model?.detectAll(text, { only: [...candidates] }) ?? []) {
    if (scores.has(lang)) scores.set(lang, (scores.get(lang) ?? 0) + accuracy)
  }
  const lower = text.toLowerCase()
  for (const [pattern, language] of DIACRITIC_HINTS) {
    if (pattern.test(lower) && scores.has(language)) scores.set(language, (scores.get(language) ?? 0) + HINT_PER_DIACRITIC)
  }
  const words = lower
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
  for (const word of words) {
    const languages = candidates.filter((code) => isSupportedLanguage(code) && (STOPWORDS[code].has(word) || LANGUAGE_HINTS[code].has(word)))
    for (const language of languages) scores.set(language, (scores.get(language) ?? 0) + HINT_PER_STOPWORD / languages.length)
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1])
  const [first, second] = ranked
  if (!first || first[1] < MIN_SCORE) return null
  if (second && first[1] - second[1] < MIN_MARGIN) return null
  return first[0]
}
