import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CONCEPTS } from '../../../local-api/domain/retrieval/concept-lexicon.js'
import { compileLexicon, matchConcepts, relateConcepts } from '../../../local-api/domain/retrieval/concepts.js'
import { detectLanguage, SUPPORTED_LANGUAGES, type Language } from '../../../local-api/domain/retrieval/languages.js'
import { tokenize, withoutStopPhrases } from '../../../local-api/domain/retrieval/normalise.js'
import { STOPWORDS } from '../../../local-api/domain/retrieval/stopwords.js'
import { loadLanguageModel } from '../../../local-api/domain/retrieval/languages.js'

// Detection reads tinyld's model, which the agent loads when it starts.
await loadLanguageModel()

const lexicon = compileLexicon()

function concepts(text: string, language?: Language): string[] {
  const detected = (language ?? detectLanguage(text)) as Language | null
  const tokens = withoutStopPhrases(tokenize(text))
  return matchConcepts(tokens, lexicon, { language: detected ?? 'en', stemLanguages: detected ? [detected] : SUPPORTED_LANGUAGES }).concepts
}

describe('the hotel concept lexicon', () => {
  it('has at least 45 concepts, each with terms in all five languages', () => {
    assert.ok(CONCEPTS.length >= 45, `${CONCEPTS.length} concepts`)
    for (const concept of CONCEPTS) {
      for (const language of SUPPORTED_LANGUAGES) {
        const terms = concept.terms[language].split(',').filter((term) => term.trim())
        assert.ok(terms.length > 0, `${concept.id} has no ${language} term`)
      }
    }
  })

  it('names each concept once, and no one-word term is a stopword of its own language', () => {
    const ids = CONCEPTS.map((concept) => concept.id)
    assert.equal(new Set(ids).size, ids.length)
    for (const concept of CONCEPTS) {
      for (const language of SUPPORTED_LANGUAGES) {
        for (const term of concept.terms[language].split(',')) {
          const words = tokenize(term.replace(/^[!=]+/, ''))
          if (words.length === 1)
            assert.equal(STOPWORDS[language].has(words[0]?.folded ?? ''), false, `${concept.id}: "${term.trim()}" is a ${language} stopword`)
        }
      }
    }
  })

  it('maps a guest’s words in any of the five languages to one concept', () => {
    for (const text of [
      'where can I leave the car?',
      'Wo kann ich mein Auto abstellen?',
      'Où puis-je garer ma voiture ?',
      'Dove posso parcheggiare la macchina?',
      '¿Dónde puedo aparcar el coche?',
    ]) {
      assert.deepEqual(concepts(text), ['parking'], text)
    }
    for (const text of ['wifi password?', 'Wie lautet das WLAN-Passwort?', 'quel est le mot de passe ?', 'la password della rete', '¿cuál es la contraseña?']) {
      assert.deepEqual(concepts(text), ['wifi'], text)
    }
    for (const text of [
      'is there a charger for my Tesla',
      'habt ihr eine Ladestation?',
      'avez-vous une borne de recharge ?',
      "c'è una colonnina?",
      '¿tenéis cargador?',
    ]) {
      assert.deepEqual(concepts(text), ['ev_charging'], text)
    }
  })

  it('matches inflected forms, as the lexicon’s terms are stemmed in their own language', () => {
    assert.deepEqual(concepts('Sind Hunde erlaubt?'), ['pets'])
    assert.deepEqual(concepts('les chiens sont acceptés ?', 'fr'), ['pets'])
    assert.deepEqual(concepts('Gibt es Parkplätze?'), ['parking'])
    assert.deepEqual(concepts('¿tenéis habitaciones?', 'es'), ['room'])
  })

  it('reads the longest phrase: a car wash is neither parking nor EV charging', () => {
    assert.deepEqual(concepts('is there a car wash nearby?'), ['car_wash', 'nearby'])
    assert.deepEqual(concepts('Gibt es eine Autowaschanlage?'), ['car_wash'])
    assert.deepEqual(concepts('can I charge my electric car?'), ['ev_charging'])
    assert.deepEqual(concepts('do you have a phone charger?'), ['phone_charger'])
    assert.deepEqual(concepts('y a-t-il une salle de sport ?', 'fr'), ['gym'])
  })

  it('tells check-in from check-out in every language', () => {
    assert.deepEqual(concepts('what time is check-in?'), ['time', 'check_in'])
    assert.deepEqual(concepts('what time is check-out?'), ['time', 'check_out'])
    assert.deepEqual(concepts('Wann ist die Anreise?', 'de'), ['time', 'check_in'])
    assert.deepEqual(concepts('Wann ist die Abreise?', 'de'), ['time', 'check_out'])
    assert.deepEqual(concepts("l'heure d'arrivée", 'fr'), ['time', 'check_in'])
    assert.deepEqual(concepts('le jour du départ', 'fr'), ['check_out'])
    assert.deepEqual(concepts('orario di arrivo', 'it'), ['time', 'check_in'])
    assert.deepEqual(concepts('la hora de salida', 'es'), ['check_out'])
    assert.deepEqual(concepts('la llegada', 'es'), ['check_in'])
  })

  it('skips articles and possessives inside a phrase, and stopwords between content words', () => {
    assert.deepEqual(concepts('from when can we get into our room?'), ['time', 'check_in'])
    assert.deepEqual(concepts('will our room be ready at noon?'), ['check_in', 'time'])
  })

  it('reads early and late as modifiers of what they qualify', () => {
    assert.deepEqual(concepts('can we check in early?'), ['check_in', 'early'])
    assert.deepEqual(concepts('Kann ich später auschecken?'), ['late', 'check_out'])
  })

  it('keeps another language’s short word or stopword out: French "car" is "because"', () => {
    assert.deepEqual(concepts('nous viendrons tard car le train a du retard', 'fr'), ['late', 'public_transport'])
    assert.deepEqual(concepts('can I chat with someone', 'en'), [])
    assert.deepEqual(concepts('le chat peut venir ?', 'fr'), ['pets'])
  })

  it('prefers the text’s own language where two languages read the same word differently', () => {
    assert.deepEqual(concepts('posso pagare con carta?', 'it'), ['payment'])
  })

  it('reads months, and a vehicle’s or room’s size as dimensions, in every language', () => {
    for (const [text, language] of [
      ['a workshop in march', 'en'],
      ['ein Seminar im März', 'de'],
      ['un séminaire en mars', 'fr'],
      ['un seminario a marzo', 'it'],
      ['un seminario en marzo', 'es'],
    ] as const) {
      assert.deepEqual(concepts(text, language), ['meeting_room', 'month'], text)
    }
    for (const [text, language] of [
      ['what is the maximum height of the garage', 'en'],
      ['wie hoch darf das Auto sein', 'de'],
      ['quelle est la hauteur du parking', 'fr'],
      ["qual è l'altezza del garage", 'it'],
      ['qué altura tiene el garaje', 'es'],
    ] as const) {
      assert.ok(concepts(text, language).includes('dimensions'), text)
    }
    assert.deepEqual(concepts('Wie hoch ist die Kurtaxe?', 'de'), ['price', 'city_tax'])
  })

  it('reads "at the latest" as a time, not as late', () => {
    assert.deepEqual(concepts('check-out at 11 at the latest', 'en'), ['check_out', 'time'])
    assert.deepEqual(concepts('spätestens um 11 auschecken', 'de'), ['time', 'check_out'])
    assert.deepEqual(concepts('le départ se fait au plus tard à 11h', 'fr'), ['check_out', 'time'])
    assert.deepEqual(concepts('il check-out è al più tardi alle 11', 'it'), ['check_out', 'time'])
    assert.deepEqual(concepts('el check-out es a más tardar a las 11', 'es'), ['check_out', 'time'])
  })

  it('reads a bed or sleep with a baby as a cot, in every language', () => {
    for (const [text, language] of [
      ['we come with our 8 month old, where will she sleep?', 'en'],
      ['wir kommen mit unserem Baby, wo kann es schlafen?', 'de'],
      ['nous venons avec un bébé, où va-t-il dormir ?', 'fr'],
      ['abbiamo un neonato, dove può dormire?', 'it'],
      ['venimos con un bebé, ¿dónde puede dormir?', 'es'],
    ] as const) {
      assert.ok(relateConcepts(concepts(text, language), lexicon).includes('baby_cot'), text)
    }
    for (const text of ['how many beds are in the family room?', 'do the children sleep for free?']) {
      assert.ok(!relateConcepts(concepts(text, 'en'), lexicon).includes('baby_cot'), text)
    }
  })

  it('reads a concept named with one it includes as that one: a car wash is no parking question', () => {
    assert.deepEqual(relateConcepts(concepts('ich habe nach der Abreise mein Ladekabel vergessen', 'de'), lexicon), ['phone_charger', 'lost_found'])
    assert.deepEqual(relateConcepts(concepts('y a-t-il une station de lavage auto près de l’hôtel ?', 'fr'), lexicon), ['car_wash', 'nearby'])
    assert.deepEqual(relateConcepts(concepts('can we have breakfast brought up to the room?', 'en'), lexicon), ['room_service'])
    assert.deepEqual(relateConcepts(concepts("l'acqua della piscina è riscaldata?", 'it'), lexicon), ['pool', 'heating'])
  })

  it('reads a venue and the furniture of a room as the room, and a door as an entrance, in every language', () => {
    for (const [text, language] of [
      ['I left my glasses in the bedside drawer', 'en'],
      ['meine Brille liegt noch in der Schublade', 'de'],
      ["j'ai oublié mes lunettes dans le tiroir", 'fr'],
      ['ho lasciato gli occhiali nel cassetto', 'it'],
      ['me dejé las gafas en el cajón', 'es'],
    ] as const) {
      assert.ok(concepts(text, language).includes('room'), text)
    }
    for (const [text, language] of [
      ['is the entrance step-free?', 'en'],
      ['ist der Eingang barrierefrei?', 'de'],
      ["l'entrée est-elle accessible ?", 'fr'],
      ["l'ingresso è accessibile?", 'it'],
      ['¿la entrada es accesible?', 'es'],
    ] as const) {
      assert.deepEqual(concepts(text, language), ['entrance', 'accessibility'], text)
    }
    assert.deepEqual(relateConcepts(concepts('we need a space for a 20 person workshop', 'en'), lexicon), ['meeting_room'])
    assert.deepEqual(relateConcepts(concepts('avez-vous une salle pour une réunion ?', 'fr'), lexicon), ['meeting_room'])
  })

  it('has a concept of its own for crypto, so bitcoin is not a payment by card', () => {
    assert.deepEqual(concepts('can I pay with bitcoin at check-out?'), ['payment', 'crypto', 'check_out'])
  })
})
