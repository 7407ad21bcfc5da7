/**
 * Typo tolerance: a word the knowledge base and the lexicon do not know is read as the one known
 * word it is closest to, when that is unambiguous and the word is long enough for a slip of the
 * finger to be told from another word.
 */
import { distance } from 'fastest-levenshtein'

export interface TypoVocabulary {
  words: ReadonlySet<string>
  byLength: ReadonlyMap<number, readonly string[]>
}

/** The words typos are corrected towards (folded spellings). */
export function createTypoVocabulary(words: Iterable<string>): TypoVocabulary {
  const set = new Set<string>()
  const byLength = new Map<number, string[]>()
  for (const word of words) {
    if (set.has(word) || /\d/.test(word)) continue
    set.add(word)
    const list = byLength.get(word.length)
    if (list) list.push(word)
    else byLength.set(word.length, [word])
  }
  return { words: set, byLength }
}

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

/**
 * The known word a folded word is a typo of, or null: at most one edit away for words of 4 to 7
 * letters (a swap of two neighbouring letters counts as one), two for longer ones; never for shorter
 * words, words with digits or words already known; and null when two known words are equally close.
 */
export function correctTypo(word: string, vocabulary: TypoVocabulary): string | null {
  if (word.length < MIN_LENGTH || /\d/.test(word) || vocabulary.words.has(word)) return null
  const allowed = word.length >= LONG_WORD ? 2 : 1
  let best: string | null = null
  let bestDistance = Infinity
  let tie = false
  for (let length = word.length - allowed; length <= word.length + allowed; length++) {
    for (const candidate of vocabulary.byLength.get(length) ?? []) {
      let d = distance(word, candidate)
      if (d === 2 && isOneTransposition(word, candidate)) d = 1
      if (d > allowed || d > bestDistance) continue
      if (d === bestDistance) {
        tie = true
        continue
      }
      best = candidate
      bestDistance = d
      tie = false
    }
  }
  return tie ? null : best
}
