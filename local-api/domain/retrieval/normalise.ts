/**
 * Text to comparable words: tokens of Unicode letters and digits, case and accent folding, French
 * and Italian elisions, stopwords, and Snowball stems per language.
 */
import { newStemmer, type Stemmer } from 'snowball-stemmers'
import { SUPPORTED_LANGUAGES, type Language } from './languages.js'
import { FILLERS, STOP_PHRASES, STOPWORDS } from './stopwords.js'

export interface Token {
  /** Lower case, accents kept (the stemmers read them). */
  text: string
  /** Lower case, accents folded: what comparisons use. */
  folded: string
}

/** Lower case without accents: "Frühstück" → "fruhstuck", "Straße" → "strasse", "œuf" → "oeuf". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
}

const APOSTROPHES = /[’‘`´ʼ]/g
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu
/** Elided articles and prepositions before an apostrophe: l'hôtel, d'arrivée, dell'albergo, all'aeroporto, un'auto, c'è. */
const ELISIONS = new Set(['l', 'd', 'j', 'm', 't', 's', 'c', 'n', 'v', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quelqu'])
const ITALIAN_ELISIONS = new Set(['dell', 'dall', 'nell', 'sull', 'all', 'coll', 'un', 'quell', 'quest', 'bell', 'sant', 'gl', 'tutt'])
/** English contractions: what's, don't, we're, I'll, guest's. */
const CONTRACTION_ENDINGS = new Set(['s', 't', 're', 've', 'll', 'd', 'm'])

function splitApostrophes(word: string): string[] {
  const parts = word.split("'")
  while (parts.length > 1 && (ELISIONS.has(fold(parts[0] ?? '')) || ITALIAN_ELISIONS.has(fold(parts[0] ?? '')))) parts.shift()
  if (parts.length === 2 && CONTRACTION_ENDINGS.has(parts[1] ?? '')) parts.pop()
  return parts
}

/** The words of a text, in order, with elisions and contractions taken off. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const lower = text.normalize('NFC').toLowerCase().replace(APOSTROPHES, "'")
  for (const match of lower.matchAll(WORD)) {
    for (const part of splitApostrophes(match[0])) {
      if (part) tokens.push({ text: part, folded: fold(part) })
    }
  }
  return tokens
}

const STOP_PHRASE_TOKENS = STOP_PHRASES.map((phrase) => phrase.split(' '))

/** The tokens without greetings and politeness formulas ("good morning", "buenas tardes", "vielen Dank"). */
export function withoutStopPhrases(tokens: readonly Token[]): Token[] {
  const kept: Token[] = []
  for (let i = 0; i < tokens.length;) {
    const phrase = STOP_PHRASE_TOKENS.find((words) => words.every((word, j) => tokens[i + j]?.folded === word))
    if (phrase) {
      i += phrase.length
      continue
    }
    const token = tokens[i]
    if (token) kept.push(token)
    i++
  }
  return kept
}

export const isStopword = (folded: string, language: Language) => STOPWORDS[language].has(folded)
export const isStopwordInAnyLanguage = (folded: string) => SUPPORTED_LANGUAGES.some((language) => STOPWORDS[language].has(folded))
export const isFiller = (folded: string, language: Language) => FILLERS[language].has(folded)

const ALGORITHMS: Record<Language, string> = { en: 'english', de: 'german', fr: 'french', it: 'italian', es: 'spanish' }
const stemmers = new Map<Language, Stemmer>()
const stemCache = new Map<string, string>()
const keyCache = new Map<string, readonly string[]>()
const STEM_CACHE_LIMIT = 100_000
/** Romance stemmers cut deep: their stems under four letters say too little ("parada" → "par", "salida" → "sal", "camere" → "cam"). */
const MIN_STEM: Record<Language, number> = { en: 3, de: 3, fr: 4, it: 4, es: 4 }

/** The Snowball stem of a lower-case word in a language ("parkplätze" → "parkplatz", "habitaciones" → "habit"). */
export function stem(word: string, language: Language): string {
  const key = `${language}:${word}`
  const cached = stemCache.get(key)
  if (cached !== undefined) return cached
  let stemmer = stemmers.get(language)
  if (!stemmer) {
    stemmer = newStemmer(ALGORITHMS[language])
    stemmers.set(language, stemmer)
  }
  const result = stemmer.stem(word)
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear()
  stemCache.set(key, result)
  return result
}

/**
 * The forms under which a word is compared in a language: its folded spelling, its stem folded, and
 * the stem of its folded spelling — guests drop accents, and a stemmer reads "habitacion" and
 * "habitación" differently, so two words match when any of their keys agree.
 */
export function wordKeys(token: Token, language: Language): readonly string[] {
  const cacheKey = `${language}:${token.text}:${token.folded}`
  const cached = keyCache.get(cacheKey)
  if (cached) return cached
  const keys = new Set([token.folded])
  for (const key of [fold(stem(token.text, language)), stem(token.folded, language)]) if (key.length >= MIN_STEM[language]) keys.add(key)
  const result = [...keys]
  if (keyCache.size >= STEM_CACHE_LIMIT) keyCache.clear()
  keyCache.set(cacheKey, result)
  return result
}
