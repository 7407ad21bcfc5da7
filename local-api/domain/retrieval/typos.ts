/**
 * Typo tolerance: a word the knowledge base and the lexicon do not know is read as the one known
 * word it is closest to, when that is unambiguous and the word is long enough for a slip of the
 * finger to be told from another word.
 */
import { distance } from 'fastest-levenshtein'

interface WordsByLength {
  words: ReadonlySet<string>
  byLength: ReadonlyMap<number, readonly string[]>
  /** How often each word occurs in what the vocabulary was made of. */
  counts: ReadonlyMap<string, number>
}

export interface TypoVocabulary {
  /** Content words (the lexicon's and the knowledge base's): what typos are corrected towards first. */
  content: WordsByLength
  /** Stopwords: a misspelt one ("wher", "whats") is recognised as such rather than taken for an unknown word. */
  stopwords: WordsByLength
}

function byLength(words: Iterable<string>, except: ReadonlySet<string> = new Set()): WordsByLength {
  const set = new Set<string>()
  const lists = new Map<number, string[]>()
  const counts = new Map<string, number>()
  for (const word of words) {
    if (except.has(word) || /\d/.test(word)) continue
    counts.set(word, (counts.get(word) ?? 0) + 1)
    if (set.has(word)) continue
    set.add(word)
    const list = lists.get(word.length)
    if (list) list.push(word)
    else lists.set(word.length, [word])
  }
  return { words: set, byLength: lists, counts }
}

/** The words typos are corrected towards (folded spellings; a word given more often is the likelier of two equally close ones). */
export function createTypoVocabulary(content: Iterable<string>, stopwords: Iterable<string> = []): TypoVocabulary {
  const contentWords = byLength(content)
  return { content: contentWords, stopwords: byLength(stopwords, contentWords.words) }
}

export const isKnownSpelling = (word: string, vocabulary: TypoVocabulary) => vocabulary.content.words.has(word) || vocabulary.stopwords.words.has(word)

const MIN_LENGTH = 4
const LONG_WORD = 8

/** Two letters swapped ("parkign"): one slip, though Levenshtein counts two edits. */
function isOneTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  const differences: number[] = []
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) differences.push(i)
    if (differences.length > 2) return false
  }
  const [i, j] = differences
  return i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i]
}

type Equivalent = (a: string, b: string) => boolean

function closest(word: string, words: WordsByLength, allowed: number, equivalent: Equivalent): string | null {
  let best: string[] = []
  let bestDistance = Infinity
  for (let length = word.length - allowed; length <= word.length + allowed; length++) {
    for (const candidate of words.byLength.get(length) ?? []) {
      // Guests seldom mistype a word's first letter, and "dark" is not "park", nor "horse" "borse".
      if (candidate[0] !== word[0]) continue
      let d = distance(word, candidate)
      if (d === 2 && isOneTransposition(word, candidate)) d = 1
      // Two slips in a word that does not even start like the candidate is more likely another word ("thinking", not "drinking").
      if (d === 2 && word[0] !== candidate[0]) continue
      if (d > allowed || d > bestDistance) continue
      if (d < bestDistance) best = []
      best.push(candidate)
      bestDistance = d
    }
  }
  const [first] = best
  if (first === undefined) return null
  // Equally close forms of one word ("haustier", "haustiere") are no ambiguity.
  if (best.every((candidate) => candidate === first || equivalent(first, candidate))) return first
  // Else the word the knowledge base uses most ("chek": "check", not French "cher"), if one does.
  const count = (candidate: string) => words.counts.get(candidate) ?? 0
  const [top, next] = [...best].sort((a, b) => count(b) - count(a))
  return top !== undefined && next !== undefined && count(top) > count(next) ? top : null
}

/**
 * The known word a folded word is a typo of, or null: at most one edit away for words of 4 to 7
 * letters (a swap of two neighbouring letters counts as one), two for longer ones, the first letter
 * kept; never for shorter words, words with digits or words already known; and null when two
 * different known words are equally close. Content words are preferred to stopwords.
 */
export function correctTypo(word: string, vocabulary: TypoVocabulary, equivalent: Equivalent = () => false): string | null {
  if (word.length < MIN_LENGTH || /\d/.test(word) || isKnownSpelling(word, vocabulary)) return null
  const allowed = word.length >= LONG_WORD ? 2 : 1
  return closest(word, vocabulary.content, allowed, equivalent) ?? closest(word, vocabulary.stopwords, allowed, equivalent)
}
