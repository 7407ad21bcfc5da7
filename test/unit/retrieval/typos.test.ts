import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { joinSeparableVerbs, splitCompound } from '../../../local-api/domain/retrieval/compounds.js'
import { tokenize } from '../../../local-api/domain/retrieval/normalise.js'
import { correctTypo, createTypoVocabulary } from '../../../local-api/domain/retrieval/typos.js'
import { loadLanguageModel } from '../../../local-api/domain/retrieval/languages.js'

// Detection reads tinyld's model, which the agent loads when it starts.
await loadLanguageModel()

const vocabulary = createTypoVocabulary(
  ['breakfast', 'parking', 'check', 'check', 'cher', 'wifi', 'pool', 'poll', 'towels', 'reception', 'haustier', 'haustiere', 'restaurant'],
  ['where', 'there', 'what'],
)

describe('typo tolerance', () => {
  it('reads a word one slip away from a known word as that word', () => {
    assert.equal(correctTypo('brekfast', vocabulary), 'breakfast')
    assert.equal(correctTypo('parkng', vocabulary), 'parking')
    assert.equal(correctTypo('wiifi', vocabulary), 'wifi')
    assert.equal(correctTypo('towles', vocabulary), 'towels', 'two neighbouring letters swapped count as one slip')
  })

  it('allows two slips in long words only', () => {
    assert.equal(correctTypo('recepton', vocabulary), 'reception')
    assert.equal(correctTypo('restorant', vocabulary), 'restaurant')
    assert.equal(correctTypo('prkng', vocabulary), null, 'two slips in a short word')
  })

  it('keeps the first letter: a real word is not read as another one', () => {
    const withPark = createTypoVocabulary(['park', 'parking', 'borse'])
    assert.equal(correctTypo('dark', withPark), null)
    assert.equal(correctTypo('horse', withPark), null)
    assert.equal(correctTypo('pakr', withPark), 'park')
  })

  it('never corrects short words, words with digits or known words', () => {
    assert.equal(correctTypo('wfi', vocabulary), null)
    assert.equal(correctTypo('pol', vocabulary), null)
    assert.equal(correctTypo('24h', vocabulary), null)
    assert.equal(correctTypo('pool', vocabulary), null)
  })

  it('leaves an ambiguous word alone, unless one reading is more frequent in the base', () => {
    assert.equal(correctTypo('pooll', vocabulary), null, 'pool or poll')
    assert.equal(correctTypo('chek', vocabulary), 'check', 'check occurs more often than cher')
  })

  it('takes equally close forms of one word as no ambiguity', () => {
    const sameStem = (a: string, b: string) => a.slice(0, 8) === b.slice(0, 8)
    assert.equal(correctTypo('haustire', vocabulary), null)
    assert.ok(['haustier', 'haustiere'].includes(correctTypo('haustire', vocabulary, sameStem) ?? ''))
  })

  it('prefers content words, and recognises misspelt stopwords when nothing else is close', () => {
    assert.equal(correctTypo('wheer', vocabulary), 'where')
  })
})

describe('German compounds', () => {
  const known = new Set(['park', 'gebuhr', 'fruhstuck', 'zeiten', 'hunde', 'bett', 'wlan', 'passwort'])
  const isKnown = (part: string) => known.has(part)

  it('split into their known parts, with linking letters', () => {
    assert.deepEqual(splitCompound('parkgebuhr', isKnown), ['park', 'gebuhr'])
    assert.deepEqual(splitCompound('fruhstuckszeiten', isKnown), ['fruhstuck', 'zeiten'])
    assert.deepEqual(splitCompound('hundebett', isKnown), ['hunde', 'bett'])
    assert.deepEqual(splitCompound('wlanpasswort', isKnown), ['wlan', 'passwort'])
  })

  it('stay whole when a part is unknown or the word is short', () => {
    assert.equal(splitCompound('parkhausbetreiber', isKnown), null)
    assert.equal(splitCompound('parkbett', new Set(['park']).has.bind(new Set(['park']))), null)
    assert.equal(splitCompound('hundbett', isKnown), null)
    assert.equal(splitCompound('bett', isKnown), null)
  })
})

describe('German separable verbs', () => {
  const known = new Set(['abreisen', 'ankommen', 'auschecken', 'einchecken'])
  const joined = (text: string) => joinSeparableVerbs(tokenize(text), (word) => known.has(word)).map((token) => token.folded)

  it('join the particle at the end of the clause to its verb', () => {
    assert.deepEqual(joined('wir reisen um 11 ab'), ['wir', 'abreisen', 'um', '11'])
    assert.deepEqual(joined('wann kommen wir an'), ['wann', 'ankommen', 'wir'])
    assert.deepEqual(joined('können wir morgen erst um 12 Uhr auschecken'), ['konnen', 'wir', 'morgen', 'erst', 'um', '12', 'uhr', 'auschecken'])
  })

  it('leave a particle that makes no known verb, such as a preposition', () => {
    assert.deepEqual(joined('ab wann kann ich einchecken'), ['ab', 'wann', 'kann', 'ich', 'einchecken'])
    assert.deepEqual(joined('kann ich das Handy an der Rezeption laden'), ['kann', 'ich', 'das', 'handy', 'an', 'der', 'rezeption', 'laden'])
  })
})
