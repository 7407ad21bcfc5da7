/**
 * One text (a guest's question, an entry's phrasing) read for retrieval: its tokens repaired
 * (German compounds split, typos corrected towards known words), the concepts it names, and the
 * content words left over.
 */
import { matchConcepts, relateConcepts, type ConceptMatch, type Lexicon } from './concepts.js'
import { readContext, type Context } from './context.js'
import { joinSeparableVerbs, splitCompound } from './compounds.js'
import type { Language } from './languages.js'
import { isFiller, isStopwordInAnyLanguage, tokenize, withoutStopPhrases, wordKeys, type Token } from './normalise.js'
import { correctTypo, isKnownSpelling, type TypoVocabulary } from './typos.js'

/** The words retrieval knows: the lexicon's and the knowledge base's, as spellings and comparison keys. */
export interface KnownWords {
  keys: ReadonlySet<string>
  typos: TypoVocabulary
}

export interface AnalysedWord {
  /** Folded spelling. */
  text: string
  /** Comparison keys in the text's stem languages. */
  keys: string[]
}

export interface Analysis {
  tokens: Token[]
  concepts: string[]
  /** With `readContext`: what the words around the concepts say (see context.ts). */
  context: Context
  matches: ConceptMatch[]
  /** Content words no concept accounts for. */
  words: AnalysedWord[]
  /** Comparison keys of every content word, those of concepts included. */
  keys: Set<string>
}

export interface AnalyseOptions {
  lexicon: Lexicon
  language: Language
  stemLanguages: readonly Language[]
  /** Given: unknown words of a German text are split into known parts when they are compounds of them. */
  known?: KnownWords
  /** With `known`: unknown words are corrected towards known ones. */
  correctTypos?: boolean
  /** Read a guest's question for what the words around its concepts say (clock times, circumstances: see context.ts). */
  readContext?: boolean
}

const MIN_REPAIRED = 4

function keysOf(token: Token, languages: readonly Language[]): string[] {
  return [...new Set(languages.flatMap((language) => wordKeys(token, language)))]
}

function repair(token: Token, options: AnalyseOptions): Token[] {
  const { known } = options
  if (!known || token.folded.length < MIN_REPAIRED || /\d/.test(token.folded) || isStopwordInAnyLanguage(token.folded)) return [token]
  const keysKnown = (candidate: Token) => keysOf(candidate, options.stemLanguages).some((key) => known.keys.has(key))
  if (isKnownSpelling(token.folded, known.typos) || keysKnown(token)) return [token]
  const asToken = (word: string): Token => ({ text: word, folded: word })
  if (options.correctTypos) {
    const sameWord = (a: string, b: string) => {
      const keys = keysOf(asToken(a), options.stemLanguages)
      return keysOf(asToken(b), options.stemLanguages).some((key) => keys.includes(key))
    }
    const corrected = correctTypo(token.folded, known.typos, sameWord)
    if (corrected) return [asToken(corrected)]
  }
  if (options.language === 'de') {
    const parts = splitCompound(token.folded, (part) => isKnownSpelling(part, known.typos) || keysKnown(asToken(part)))
    if (parts) return parts.map(asToken)
  }
  return [token]
}

/** A German text's separable verbs joined ("wir reisen um 11 ab": "abreisen"), where the joined verb is a known word. */
function withSeparableVerbs(tokens: Token[], options: AnalyseOptions): Token[] {
  const { known } = options
  if (options.language !== 'de' || !known) return tokens
  const asToken = (word: string): Token => ({ text: word, folded: word })
  return joinSeparableVerbs(tokens, (word) => isKnownSpelling(word, known.typos) || keysOf(asToken(word), ['de']).some((key) => known.keys.has(key)))
}

export function analyse(text: string, options: AnalyseOptions): Analysis {
  const tokens = withSeparableVerbs(withoutStopPhrases(tokenize(text)), options).flatMap((token) => repair(token, options))
  const matched = matchConcepts(tokens, options.lexicon, options)
  const { consumed, matches } = matched
  const concepts = relateConcepts(matched.concepts, options.lexicon)
  const context = options.readContext ? readContext(tokens, matches, concepts, options) : { concepts: [], circumstances: [], journeys: [] }
  const words: AnalysedWord[] = []
  const keys = new Set<string>()
  tokens.forEach((token, i) => {
    // Numbers and times ("6pm", "15h") are details of a question, not what it is about.
    if (isStopwordInAnyLanguage(token.folded) || isFiller(token.folded, options.language) || /\d/.test(token.folded) || token.folded.length < 2) return
    const tokenKeys = keysOf(token, options.stemLanguages)
    for (const key of tokenKeys) keys.add(key)
    if (!consumed.has(i) && !words.some((word) => word.text === token.folded)) words.push({ text: token.folded, keys: tokenKeys })
  })
  return { tokens, concepts, context, matches, words, keys }
}
