/**
 * The language a guest wrote in, told offline (tinyld's light model: 24 languages, from Arabic to
 * Thai), for staff to see and translation to start from. Measured by `npm run eval:languages`
 * (test/eval/guest-languages.json).
 */
import { detectLanguage, isSupportedLanguage, rankLanguages } from './retrieval/languages.js'

/** What tinyld's light model knows, as ISO 639-1 codes. */
export const DETECTABLE_LANGUAGES = [
  'en',
  'de',
  'fr',
  'it',
  'es',
  'pt',
  'nl',
  'sv',
  'nb',
  'fi',
  'hu',
  'ro',
  'pl',
  'tr',
  'el',
  'ru',
  'he',
  'ar',
  'hi',
  'bn',
  'th',
  'zh',
  'ja',
  'ko',
] as const

const TOLD_FROM_CHARS = 1_000
/** Addresses say nothing of the language around them (and look like English or Turkish to n-grams). */
const ADDRESSES = /https?:\/\/\S+|\S+@\S+/g
/** Letters of at least one script: a text without (a number, an emoji, "?") tells no language. */
const LETTERS = /\p{L}{2}/u
/**
 * tinyld's lowest score taken on its own: below it, rather no language than a wrong one (a wrong
 * one would be translated from). On the evaluation set: 96 % of messages told, 97 % of them right.
 */
const MIN_ACCURACY = 0.08

/**
 * The language of a guest's text, or null when it cannot be told. Where tinyld leans to one of the
 * languages the AI agent answers in (or to none), the agent's detection, sharpened by their
 * stopwords and letters, decides ("Hallo, habt ihr WLAN?"); another language is tinyld's word.
 * Until the model is loaded (loadLanguageModel), only those hints.
 */
export function guestLanguageOf(text: string): string | null {
  // The opening words tell the language as well as a whole email (100,000 characters) would, in a fraction of the time.
  const words = text.slice(0, TOLD_FROM_CHARS).replace(ADDRESSES, ' ').trim()
  if (!LETTERS.test(words)) return null
  const [top] = rankLanguages(words)
  const told = top && top.accuracy >= MIN_ACCURACY ? top.lang : null
  if (!top || isSupportedLanguage(top.lang)) return detectLanguage(words) ?? told
  return told
}
