import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fold, isStopword, stem, tokenize, withoutStopPhrases, wordKeys } from '../../../local-api/domain/retrieval/normalise.js'
import { loadLanguageModel } from '../../../local-api/domain/retrieval/languages.js'

// Detection reads tinyld's model, which the agent loads when it starts.
await loadLanguageModel()

const words = (text: string) => tokenize(text).map((token) => token.folded)

describe('retrieval normalisation', () => {
  it('folds case and accents, ß, æ and œ', () => {
    assert.equal(fold('Frühstück'), 'fruhstuck')
    assert.equal(fold('STRAßE'), 'strasse')
    assert.equal(fold('Habitación'), 'habitacion')
    assert.equal(fold('œuf'), 'oeuf')
    assert.equal(fold('Æble'), 'aeble')
    assert.equal(fold('Città'), 'citta')
  })

  it('cuts text into words of letters and digits, hyphens and punctuation apart', () => {
    assert.deepEqual(words('Wi-Fi password?!'), ['wi', 'fi', 'password'])
    assert.deepEqual(words('Check-in at 15:00, 24h reception'), ['check', 'in', 'at', '15', '00', '24h', 'reception'])
    assert.deepEqual(words('¿Dónde está el garaje?'), ['donde', 'esta', 'el', 'garaje'])
  })

  it('takes French and Italian elisions off, with either apostrophe', () => {
    assert.deepEqual(words("l'hôtel"), ['hotel'])
    assert.deepEqual(words('l’hôtel'), ['hotel'])
    assert.deepEqual(words("heure d'arrivée"), ['heure', 'arrivee'])
    assert.deepEqual(words("qu'est-ce"), ['est', 'ce'])
    assert.deepEqual(words("dell'albergo all'aeroporto"), ['albergo', 'aeroporto'])
    assert.deepEqual(words("c'è un'auto"), ['e', 'auto'])
  })

  it('takes English contractions off', () => {
    assert.deepEqual(words("what's the guest's room? we're late, don't wait"), ['what', 'the', 'guest', 'room', 'we', 'late', 'don', 'wait'])
  })

  it('drops greetings and politeness formulas, so "buenas tardes" is not "late"', () => {
    assert.deepEqual(
      withoutStopPhrases(tokenize('Buenas tardes, ¿a qué hora cierra el bar? Muchas gracias')).map((token) => token.folded),
      ['a', 'que', 'hora', 'cierra', 'el', 'bar'],
    )
    assert.deepEqual(
      withoutStopPhrases(tokenize('Guten Morgen, vielen Dank!')).map((token) => token.folded),
      [],
    )
  })

  it('knows each language’s stopwords, greetings and politeness', () => {
    for (const [word, language] of [
      ['the', 'en'],
      ['please', 'en'],
      ['hello', 'en'],
      ['bitte', 'de'],
      ['hallo', 'de'],
      ['bonjour', 'fr'],
      ['merci', 'fr'],
      ['ciao', 'it'],
      ['grazie', 'it'],
      ['hola', 'es'],
      ['gracias', 'es'],
    ] as const) {
      assert.ok(isStopword(word, language), `${word} (${language})`)
    }
    assert.equal(isStopword('parking', 'en'), false)
    assert.equal(isStopword('car', 'en'), false)
    assert.ok(isStopword('car', 'fr'), 'French "car" is "because"')
  })

  it('stems with each language’s Snowball stemmer', () => {
    assert.equal(stem('parking', 'en'), 'park')
    assert.equal(stem('rooms', 'en'), 'room')
    assert.equal(stem('parkplätze', 'de'), 'parkplatz')
    assert.equal(stem('hunde', 'de'), 'hund')
    assert.equal(stem('chiens', 'fr'), 'chien')
    assert.equal(stem('réservations', 'fr'), 'réserv')
    assert.equal(stem('prenotazioni', 'it'), 'prenot')
    assert.equal(stem('habitaciones', 'es'), 'habit')
  })

  it('compares words by spelling and stem, with or without accents', () => {
    const keys = (word: string, language: 'en' | 'de' | 'fr' | 'it' | 'es') => wordKeys(tokenize(word)[0] ?? { text: '', folded: '' }, language)
    const share = (a: readonly string[], b: readonly string[]) => a.some((key) => b.includes(key))
    assert.ok(share(keys('habitacion', 'es'), keys('habitación', 'es')), 'accents dropped')
    assert.ok(share(keys('Habitaciones', 'es'), keys('habitación', 'es')), 'plural')
    assert.ok(share(keys('Frühstücks', 'de'), keys('fruhstuck', 'de')), 'genitive, no umlaut')
    assert.ok(share(keys('parked', 'en'), keys('parking', 'en')))
    // A stem of under four letters says too little: "parada" (a stop) is not "para" (for).
    assert.equal(share(keys('para', 'es'), keys('parada', 'es')), false)
  })
})
