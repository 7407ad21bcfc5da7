/**
 * German compounds: "Parkgebühr", "Frühstückszeiten", "Hundebett" are read as their known parts
 * ("park" + "gebühr"), so a guest's compound matches an entry that writes the words apart or
 * another compound of the same parts. And separable verbs the other way: "wir reisen um 11 ab" is
 * "abreisen", "wann kommen wir an" "ankommen".
 */
import type { Token } from './normalise.js'

const MIN_PART = 4
const MIN_WORD = 8
/** Linking letters between the parts of a German compound (Frühstück-s-zeiten, Hunde-n-…, Tag-es-…). */
const LINKS = ['s', 'es', 'n', 'en']

/**
 * The fewest known parts a folded word splits into, or null when it does not split entirely into
 * known parts (a part may end in a linking s/es/n/en, except the last).
 */
export function splitCompound(word: string, isKnown: (part: string) => boolean): string[] | null {
  if (word.length < MIN_WORD) return null
  // best[i]: the fewest parts word[0, i) splits into.
  const best: (string[] | null)[] = [[]]
  for (let end = 1; end <= word.length; end++) {
    best[end] = null
    for (let start = Math.max(0, end - 24); start <= end - MIN_PART; start++) {
      const before = best[start]
      if (!before) continue
      const part = word.slice(start, end)
      const last = end === word.length
      let known: string | null = isKnown(part) ? part : null
      if (!known && !last) {
        const link = LINKS.find((letters) => part.endsWith(letters) && part.length - letters.length >= MIN_PART && isKnown(part.slice(0, -letters.length)))
        if (link) known = part.slice(0, -link.length)
      }
      if (known === null) continue
      const current = best[end]
      if (!current || before.length + 1 < current.length) best[end] = [...before, known]
    }
  }
  const parts = best[word.length]
  return parts && parts.length >= 2 ? parts : null
}

/** The particles German separable verbs leave at the end of a clause. */
const PARTICLES = new Set(['ab', 'an', 'auf', 'aus', 'ein', 'zuruck', 'weg'])
/** How many words before its particle the verb may stand ("wir reisen morgen um 11 Uhr ab"). */
const PARTICLE_REACH = 6

/** The tokens with each separated particle joined to the verb before it where the two make a known word ("reisen … ab" → "abreisen"). */
export function joinSeparableVerbs(tokens: readonly Token[], isKnown: (word: string) => boolean): Token[] {
  const result: (Token | null)[] = [...tokens]
  tokens.forEach((particle, i) => {
    if (!PARTICLES.has(particle.folded)) return
    for (let j = i - 1; j >= Math.max(0, i - PARTICLE_REACH); j--) {
      const verb = result[j]
      if (!verb || PARTICLES.has(verb.folded) || !isKnown(particle.folded + verb.folded)) continue
      result[j] = { text: particle.text + verb.text, folded: particle.folded + verb.folded }
      result[i] = null
      return
    }
  })
  return result.filter((token) => token !== null)
}
