/**
 * The concept lexicon, compiled (every term tokenised and stemmed in its own language) and matched
 * against a text's tokens: which concepts a text names, and which of its words they account for.
 */
import { COMBINATIONS, CONCEPTS, type ConceptDefinition, type ConceptKind } from './concept-lexicon.js'
import { SUPPORTED_LANGUAGES, type Language } from './languages.js'
import { isFiller, isStopword, tokenize, wordKeys, type Token } from './normalise.js'

interface CompiledTerm {
  concept: string
  language: Language
  /** Folded spelling per position. */
  surface: string[]
  /** Comparison keys per position (see wordKeys); only the spelling for an exact term. */
  keys: (readonly string[])[]
  exact: boolean
  /** Matches only in a text of its own language. */
  native: boolean
}

type TermIndex = Map<Language, Map<string, CompiledTerm[]>>

export interface Lexicon {
  kinds: ReadonlyMap<string, ConceptKind>
  /** The concepts each concept includes as a part (see ConceptDefinition). */
  includes: ReadonlyMap<string, readonly string[]>
  /** Means of travel (see ConceptDefinition). */
  journeys: ReadonlySet<string>
  combinations: typeof COMBINATIONS
  /** Terms by a key of their first word: the phrase with articles and possessives left out. */
  phrases: TermIndex
  /** Terms of two or more content words by a key of their first: matched on a text's content words only. */
  contentPhrases: TermIndex
  /** The languages in which each term's spelling (folded words joined by spaces) is a term. */
  spellingLanguages: ReadonlyMap<string, ReadonlySet<Language>>
  /** Folded spellings of every content word of the lexicon (what typos are corrected towards). */
  words: ReadonlySet<string>
  /** Every comparison key of those words. */
  keys: ReadonlySet<string>
}

export interface ConceptMatch {
  concept: string
  language: Language
  /** Indexes of the tokens the term covers. */
  positions: number[]
  /** The term's spelling, folded. */
  spelling: string
}

export interface MatchOptions {
  /** The text's language: its fillers and stopwords apply, and its terms win over other languages' on the same words. */
  language: Language
  /** The languages whose stems are compared; other languages' terms match by spelling only. */
  stemLanguages: readonly Language[]
}

function addTerm(index: TermIndex, term: CompiledTerm) {
  let byKey = index.get(term.language)
  if (!byKey) index.set(term.language, (byKey = new Map()))
  for (const key of term.keys[0] ?? []) {
    const list = byKey.get(key)
    if (list) list.push(term)
    else byKey.set(key, [term])
  }
}

function compileTerm(concept: string, language: Language, raw: string): { full: CompiledTerm; content: CompiledTerm | null } | null {
  let text = raw.trim()
  const native = text.startsWith('!')
  if (native) text = text.slice(1)
  const exact = text.startsWith('=')
  if (exact) text = text.slice(1)
  const tokens = tokenize(text)
  const words = tokens.filter((token) => !isFiller(token.folded, language))
  const phrase = words.length > 0 ? words : tokens
  if (phrase.length === 0) return null
  const toTerm = (part: Token[]): CompiledTerm => ({
    concept,
    language,
    surface: part.map((token) => token.folded),
    keys: part.map((token) => (exact ? [token.folded] : wordKeys(token, language))),
    exact,
    native,
  })
  const contentWords = phrase.filter((token) => !isStopword(token.folded, language))
  return { full: toTerm(phrase), content: contentWords.length >= 2 ? toTerm(contentWords) : null }
}

/** Compiles concept definitions (the shipped lexicon by default) for matching. */
export function compileLexicon(definitions: readonly ConceptDefinition[] = CONCEPTS, combinations = COMBINATIONS): Lexicon {
  const kinds = new Map<string, ConceptKind>()
  const includes = new Map<string, readonly string[]>()
  const journeys = new Set<string>()
  const phrases: TermIndex = new Map()
  const contentPhrases: TermIndex = new Map()
  const spellingLanguages = new Map<string, Set<Language>>()
  const words = new Set<string>()
  const keys = new Set<string>()
  for (const definition of definitions) {
    kinds.set(definition.id, definition.kind)
    if (definition.includes) includes.set(definition.id, definition.includes)
    if (definition.journey) journeys.add(definition.id)
    for (const language of SUPPORTED_LANGUAGES) {
      for (const raw of definition.terms[language].split(',')) {
        const compiled = compileTerm(definition.id, language, raw)
        if (!compiled) continue
        addTerm(phrases, compiled.full)
        if (compiled.content) addTerm(contentPhrases, compiled.content)
        const spelling = compiled.full.surface.join(' ')
        const languages = spellingLanguages.get(spelling) ?? new Set<Language>()
        languages.add(language)
        spellingLanguages.set(spelling, languages)
        compiled.full.surface.forEach((word, i) => {
          if (isStopword(word, language)) return
          words.add(word)
          for (const key of compiled.full.keys[i] ?? []) keys.add(key)
        })
      }
    }
  }
  return { kinds, includes, journeys, combinations, phrases, contentPhrases, spellingLanguages, words, keys }
}

/** The concepts with those named together added (a bed for a baby is a cot), less those a named one includes. */
export function relateConcepts(concepts: readonly string[], lexicon: Lexicon): string[] {
  const named = [...concepts]
  for (const combination of lexicon.combinations) {
    if (!named.includes(combination.names) && combination.concepts.every((concept) => named.includes(concept))) named.push(combination.names)
  }
  const included = new Set(named.flatMap((concept) => lexicon.includes.get(concept) ?? []))
  return named.filter((concept) => !included.has(concept))
}

/** A token's keys for a term language: all its keys where stems are compared, else its spelling only. */
function tokenKeys(token: Token, language: Language, options: MatchOptions): readonly string[] {
  return options.stemLanguages.includes(language) ? wordKeys(token, language) : [token.folded]
}

function wordMatches(token: Token, term: CompiledTerm, position: number, options: MatchOptions): boolean {
  if (term.exact || !options.stemLanguages.includes(term.language)) return token.folded === term.surface[position]
  const termKeys = term.keys[position] ?? []
  return wordKeys(token, term.language).some((key) => termKeys.includes(key))
}

/** Matches of an index's terms starting at each place of `sequence` (token indexes). */
function matchSequence(tokens: readonly Token[], sequence: readonly number[], index: TermIndex, options: MatchOptions): ConceptMatch[] {
  const matches: ConceptMatch[] = []
  sequence.forEach((first, start) => {
    const token = tokens[first]
    if (!token) return
    for (const [language, byKey] of index) {
      const seen = new Set<CompiledTerm>()
      for (const key of tokenKeys(token, language, options)) {
        for (const term of byKey.get(key) ?? []) {
          if (seen.has(term)) continue
          seen.add(term)
          if (term.native && language !== options.language) continue
          if (start + term.surface.length > sequence.length) continue
          // One word is never a stopword of this text's language (a stem may coincide: German "nach", "nahe"), and one word of
          // another language must be a real word of it, not a short word of this text's ("car" in French).
          if (term.surface.length === 1 && isStopword(token.folded, options.language)) continue
          if (term.surface.length === 1 && language !== options.language && token.folded.length < 4) continue
          const positions = sequence.slice(start, start + term.surface.length)
          if (positions.every((position, i) => wordMatches(tokens[position] as Token, term, i, options))) {
            matches.push({ concept: term.concept, language, positions, spelling: term.surface.join(' ') })
          }
        }
      }
    }
  })
  return matches
}

/**
 * The concepts a text's tokens name, longest phrase first: "car wash" is car_wash, not parking;
 * "salle de sport" is the gym. Where terms of several languages match the same words, the text's
 * own language wins.
 */
export function matchConcepts(
  tokens: readonly Token[],
  lexicon: Lexicon,
  options: MatchOptions,
): { concepts: string[]; consumed: Set<number>; matches: ConceptMatch[] } {
  const all = tokens.map((_, i) => i)
  const phraseWords = all.filter((i) => !isFiller(tokens[i]?.folded ?? '', options.language))
  const contentWords = phraseWords.filter((i) => !isStopword(tokens[i]?.folded ?? '', options.language))
  const candidates = [...matchSequence(tokens, phraseWords, lexicon.phrases, options), ...matchSequence(tokens, contentWords, lexicon.contentPhrases, options)]
  candidates.sort(
    (a, b) =>
      b.positions.length - a.positions.length ||
      Number(b.language === options.language) - Number(a.language === options.language) ||
      (a.positions[0] ?? 0) - (b.positions[0] ?? 0),
  )
  const accepted: ConceptMatch[] = []
  const consumed = new Set<number>()
  for (const match of candidates) {
    const sameSpan = accepted.find((other) => other.positions.join() === match.positions.join())
    if (sameSpan) {
      // The same words naming two concepts in one language (rare, but allowed); another language's reading is dropped.
      if (
        sameSpan.language === match.language &&
        !accepted.some((other) => other.concept === match.concept && other.positions.join() === match.positions.join())
      ) {
        accepted.push(match)
      }
      continue
    }
    if (match.positions.some((position) => consumed.has(position))) continue
    accepted.push(match)
    for (const position of match.positions) consumed.add(position)
  }
  accepted.sort((a, b) => (a.positions[0] ?? 0) - (b.positions[0] ?? 0))
  return { concepts: [...new Set(accepted.map((match) => match.concept))], consumed, matches: accepted }
}
