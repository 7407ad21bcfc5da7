import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildKnowledgeIndex, DEFAULT_THRESHOLDS, retrieve, type IndexableEntry } from '../../../local-api/domain/retrieval/retrieve.js'
import { loadLanguageModel } from '../../../local-api/domain/retrieval/languages.js'

// Detection reads tinyld's model, which the agent loads when it starts.
await loadLanguageModel()

const entry = (id: string, question: string, tags: string, phrasings: string[] = [], answer?: string): IndexableEntry => ({
  id,
  question,
  language: 'en',
  tags,
  phrasings,
  ...(answer ? { answer } : {}),
})

/** A small hotel's knowledge base, with neighbouring topics that are easy to confuse. */
const BASE: IndexableEntry[] = [
  entry(
    'check-in',
    'What time is check-in?',
    'arrival check-in',
    ['From what time can we check in?', 'Ab wann kann man einchecken?'],
    'Check-in is from 15:00.',
  ),
  entry('early-check-in', 'Can we check in early?', 'early arrival', ['Is an early check-in possible?'], 'From 12:00 for CHF 40, subject to availability.'),
  entry('check-out', 'What time is check-out?', 'departure checkout', ['By when do we have to leave the room?'], 'Check-out is by 11:00.'),
  entry('late-check-out', 'Can I have a late check-out?', 'late checkout', ['Is it possible to check out later?'], 'Until 14:00 for CHF 30.'),
  entry('luggage', 'Can we leave our luggage after check-out?', 'luggage storage bags', ['Where can we store our bags?'], 'Reception keeps your bags.'),
  entry(
    'parking',
    'Do you have parking?',
    'parking garage car',
    ['Is there a car park at the hotel?', 'How much is parking?'],
    'Our garage costs CHF 35 a night.',
  ),
  entry(
    'ev-charging',
    'Do you have a charging station for electric cars?',
    'ev charger tesla',
    ['Can I charge my electric car?'],
    'Two wallboxes in the garage.',
  ),
  entry(
    'wifi',
    'What is the wifi password?',
    'wifi internet',
    ['Do you have free wifi?'],
    'The network is {{property.name}}-Guest, password on your key card holder.',
  ),
  entry(
    'breakfast',
    'What time is breakfast served?',
    'breakfast',
    ['Is breakfast included?', 'Wann gibt es Frühstück?'],
    'From 6:30 to 10:30, on Sundays until 11:00.',
  ),
  entry('room-service', 'Do you offer room service?', 'room service food', ['Can I order food to my room?'], 'Until 23:00, menu in your room.'),
  entry('pets', 'Are pets allowed?', 'pets dogs cats', ['Can I bring my dog?', 'How much is it for a dog?'], 'Dogs and cats are welcome for CHF 20 a night.'),
  entry('payment', 'Which payment methods do you accept?', 'payment card cash', ['Can I pay by credit card?'], 'Visa, Mastercard, Amex and cash.'),
  entry(
    'pool',
    'Is there a swimming pool?',
    'pool swim',
    ['What are the pool opening hours?'],
    'Our indoor pool is heated to 28 degrees and open 7:00 to 21:00.',
  ),
  entry(
    'airport-shuttle',
    'Do you have an airport shuttle?',
    'airport transfer shuttle',
    ['Can you pick us up at the airport?'],
    'CHF 60 one way, book a day ahead.',
  ),
]

const index = buildKnowledgeIndex(BASE)
const ask = (question: string, options: Parameters<typeof retrieve>[2] = {}) => retrieve(index, question, options)

describe('retrieval from the knowledge base', () => {
  it('answers a plain question with high confidence', () => {
    const result = ask('What time is breakfast?')
    assert.equal(result.best?.entryId, 'breakfast')
    assert.equal(result.confidence, 'high')
    assert.equal(result.best?.topicMatched, true)
    assert.deepEqual(result.concepts, ['time', 'breakfast'])
  })

  it('reads "from when can we get into our room?" as check-in, not room service', () => {
    const result = ask('from when can we get into our room?')
    assert.equal(result.best?.entryId, 'check-in')
    assert.equal(result.confidence, 'high')
  })

  it('hands over "is there a car wash nearby?" rather than answer with EV charging or parking', () => {
    const result = ask('is there a car wash nearby?')
    assert.equal(result.confidence, 'low')
    assert.ok(result.concepts.includes('car_wash'))
    assert.notEqual(result.best?.topicMatched && result.best.entryId, 'ev-charging')
  })

  it('does not answer "can I pay with bitcoin at check-out?" with the check-out time', () => {
    const result = ask('can I pay with bitcoin at check-out?')
    assert.notEqual(result.confidence, 'high')
    const checkOut = [result.best, result.runnerUp].find((candidate) => candidate?.entryId === 'check-out')
    assert.ok(!checkOut || checkOut.coverage < 0.5, 'bitcoin is a part of the question check-out does not cover')
  })

  it('finds parking for "where can I leave the car?"', () => {
    const result = ask('where can I leave the car?')
    assert.equal(result.best?.entryId, 'parking')
    assert.equal(result.confidence, 'high')
  })

  it('finds the right entry for German, French, Italian and Spanish paraphrases', () => {
    const cases: [string, string, string][] = [
      ['Wo kann ich mein Auto abstellen?', 'parking', 'de'],
      ['Wie lautet das WLAN-Passwort?', 'wifi', 'de'],
      ['Dürfen Hunde mit?', 'pets', 'de'],
      ['Kann ich später auschecken?', 'late-check-out', 'de'],
      ['Où puis-je garer ma voiture ?', 'parking', 'fr'],
      ['à quelle heure est le petit-déjeuner ?', 'breakfast', 'fr'],
      ['Est-ce que vous avez une navette pour l’aéroport ?', 'airport-shuttle', 'fr'],
      ['Dove posso parcheggiare la macchina?', 'parking', 'it'],
      ['A che ora è la colazione?', 'breakfast', 'it'],
      ['Posso pagare con la carta di credito?', 'payment', 'it'],
      ['¿Dónde puedo aparcar el coche?', 'parking', 'es'],
      ['¿cuál es la contraseña del wifi?', 'wifi', 'es'],
      ['¿se admiten perros?', 'pets', 'es'],
    ]
    for (const [question, expected, language] of cases) {
      const result = ask(question)
      assert.equal(result.best?.entryId, expected, question)
      assert.equal(result.confidence, 'high', question)
      assert.equal(result.language, language, question)
    }
  })

  it('tells neighbouring entries apart by what the question adds', () => {
    assert.equal(ask('Can I check in early?').best?.entryId, 'early-check-in')
    assert.equal(ask('what time do we have to check out?').best?.entryId, 'check-out')
    assert.equal(ask('can we get a late checkout?').best?.entryId, 'late-check-out')
    assert.equal(ask('where can we keep our suitcases after checkout?').best?.entryId, 'luggage')
    for (const question of ['Can I check in early?', 'what time do we have to check out?', 'can we get a late checkout?']) {
      assert.equal(ask(question).confidence, 'high', question)
    }
  })

  it('corrects typos towards the base’s and the lexicon’s words', () => {
    const result = ask('brekfast tme?')
    assert.equal(result.best?.entryId, 'breakfast')
    assert.equal(result.confidence, 'high')
    assert.equal(ask('is there parkng at the hotel').best?.entryId, 'parking')
  })

  it('reads a short follow-up with the previous question’s topic', () => {
    const dogs = ask('and for dogs?', { previous: 'Are pets allowed?' })
    assert.equal(dogs.best?.entryId, 'pets')
    assert.equal(dogs.confidence, 'high')

    const price = ask('how much?', { previous: 'Do you have parking?' })
    assert.deepEqual(price.concepts, ['price', 'parking'])
    assert.equal(price.best?.entryId, 'parking')
    assert.equal(price.confidence, 'high')

    const sunday = ask('und am Sonntag?', { previous: 'Wann gibt es Frühstück?' })
    assert.equal(sunday.best?.entryId, 'breakfast')
    assert.notEqual(sunday.confidence, 'low')
  })

  it('does not guess the topic of a follow-up without the previous question', () => {
    assert.equal(ask('how much?').confidence, 'low')
    assert.equal(ask('and on Sunday?').confidence, 'low')
  })

  it('keeps a question with a topic of its own to itself, whatever came before', () => {
    const result = ask('Do you have an airport shuttle?', { previous: 'Are pets allowed?' })
    assert.deepEqual(result.concepts, ['airport', 'shuttle'])
    assert.equal(result.best?.entryId, 'airport-shuttle')
  })

  it('suggests (medium) an entry that covers the topic but not a word the base does not know', () => {
    const result = ask('can I park my helicopter?')
    assert.equal(result.best?.entryId, 'parking')
    assert.equal(result.confidence, 'medium')
    assert.deepEqual(result.best?.unmatchedWords, ['helicopter'])
    assert.ok((result.best?.coverage ?? 1) < DEFAULT_THRESHOLDS.high)
  })

  it('hands over (low) what the base knows nothing about, and greetings', () => {
    for (const question of ['Do you have a helipad?', 'is there a dentist nearby?', 'Is there a gym?', 'hello', 'thanks!', '']) {
      const result = ask(question)
      assert.equal(result.confidence, 'low', question)
    }
    assert.equal(ask('Do you have a helipad?').best, null)
    assert.notEqual(ask('is it dark at night?').best?.entryId, 'parking', 'no typo of "park"')
  })

  it('counts a detail the answer mentions as half covered', () => {
    const withAnswer = ask('is the pool heated?')
    const withoutAnswer = retrieve(buildKnowledgeIndex(BASE.map(({ answer: _answer, ...rest }) => rest)), 'is the pool heated?')
    assert.equal(withAnswer.best?.entryId, 'pool')
    assert.deepEqual(withAnswer.best?.matchedConcepts, ['pool', 'heating'])
    assert.deepEqual(withoutAnswer.best?.matchedConcepts, ['pool'])
    assert.ok((withAnswer.best?.coverage ?? 0) > (withoutAnswer.best?.coverage ?? 1))
    assert.ok((withAnswer.best?.coverage ?? 1) < 1)
  })

  it('reads answers in other languages too', () => {
    const german = buildKnowledgeIndex([
      { id: 'pool', question: 'Is there a pool?', language: 'en', tags: '', phrasings: [], answers: { de: 'Unser Hallenbad ist auf 28 Grad beheizt.' } },
    ])
    assert.deepEqual(retrieve(german, 'Ist der Pool beheizt?').best?.matchedConcepts, ['pool', 'heating'])
  })

  it('takes an entry whose question names no concept to be about its tags', () => {
    const tagged = buildKnowledgeIndex([{ id: 'misc', question: 'Anything else?', language: 'en', tags: 'sauna, massage', phrasings: [] }])
    const result = retrieve(tagged, 'do you have a sauna?')
    assert.equal(result.best?.entryId, 'misc')
    assert.equal(result.best?.topicMatched, true)
  })

  it('answers questions in any language from entries written in another', () => {
    const german = buildKnowledgeIndex(
      [
        ['parken', 'Gibt es Parkplätze am Hotel?', 'Parkplatz, Garage'],
        ['fruehstueck', 'Wann gibt es Frühstück?', 'Frühstück'],
        ['hunde', 'Sind Hunde erlaubt?', 'Haustiere'],
        ['velo', 'Kann man Fahrräder mieten?', 'Fahrradverleih'],
        ['taxi', 'Können Sie mir ein Taxi rufen?', 'Taxi'],
      ].map(([id = '', question = '', tags = '']) => ({ id, question, language: 'de', tags, phrasings: [] })),
    )
    const cases: [string, string][] = [
      ['where can I park?', 'parken'],
      ['what time is breakfast?', 'fruehstueck'],
      ['can I bring my dog?', 'hunde'],
      ['can I rent a bike?', 'velo'],
      ['can you call me a cab?', 'taxi'],
      ['Où est le parking ?', 'parken'],
      ['¿a qué hora es el desayuno?', 'fruehstueck'],
      ['Frühstückszeiten?', 'fruehstueck'],
      ['Habt ihr Leihräder?', 'velo'],
    ]
    for (const [question, expected] of cases) {
      const result = retrieve(german, question)
      assert.equal(result.best?.entryId, expected, question)
      assert.equal(result.confidence, 'high', question)
    }
  })

  it('reads what the guest tells of their plans as the circumstance, not the topic, of the question', () => {
    const bags = ask('what do we do with our suitcases after we leave the room? our train is only at 6pm')
    assert.equal(bags.best?.entryId, 'luggage')
    assert.equal(bags.confidence, 'high')
    const flight = ask('our flight lands at 8am, can we check in before 12?')
    assert.equal(flight.best?.entryId, 'early-check-in')
    assert.equal(flight.confidence, 'high')
    assert.equal(ask('do you have an airport shuttle? our flight lands at 8am').best?.entryId, 'airport-shuttle')
    const german = ask('wir reisen um 11 ab, aber unser Zug fährt erst abends, wohin mit den Koffern?')
    assert.deepEqual([german.best?.entryId, german.confidence], ['luggage', 'high'], 'reisen … ab is abreisen, unser Zug the guest’s plan')
  })

  it('keeps what happens before or after in the question: the pool after check-out is not the pool', () => {
    const pool = ask('can we use the pool after check-out?')
    assert.equal(pool.best?.entryId, 'pool')
    assert.notEqual(pool.confidence, 'high')
  })

  it('reads early or late by a clock time only where an entry pairs them with the question’s topic', () => {
    assert.equal(ask('can we check out after 2pm?').best?.entryId, 'late-check-out')
    const roomService = ask('can I order food to my room after 11pm?')
    assert.equal(roomService.best?.entryId, 'room-service')
    assert.equal(roomService.confidence, 'high')
    assert.ok(!roomService.concepts.includes('late'))
  })

  it('works on an empty knowledge base', () => {
    const result = retrieve(buildKnowledgeIndex([]), 'where can I park?')
    assert.equal(result.best, null)
    assert.equal(result.confidence, 'low')
    assert.deepEqual(result.concepts, ['parking'])
  })

  it('ranks candidates and reports the runner-up', () => {
    const result = ask('Can I check in early?')
    assert.equal(result.runnerUp?.entryId, 'check-in')
    assert.ok((result.best?.score ?? 0) > (result.runnerUp?.score ?? 1))
    for (const candidate of [result.best, result.runnerUp]) {
      assert.ok(candidate && candidate.score >= 0 && candidate.score <= 1)
      assert.ok(candidate && candidate.coverage >= 0 && candidate.coverage <= 1)
    }
  })

  it('applies the thresholds it is given', () => {
    assert.ok(DEFAULT_THRESHOLDS.high > DEFAULT_THRESHOLDS.medium && DEFAULT_THRESHOLDS.minGap > 0)
    assert.equal(ask('can I park my helicopter?', { thresholds: { high: 0.5, medium: 0.3, minGap: 0.1 } }).confidence, 'high')
    assert.equal(ask('where can I leave the car?', { thresholds: { high: 1.01, medium: 0.5, minGap: 0 } }).confidence, 'medium')
    assert.equal(ask('Can I check in early?', { thresholds: { high: 0.5, medium: 0.3, minGap: 0.9 } }).confidence, 'medium')
  })

  it('reports the question’s language: detected, else from its words, else the one given', () => {
    assert.equal(ask('Wo kann ich parken?').language, 'de')
    assert.equal(ask('perros?').language, 'es')
    assert.equal(ask('wifi?', { language: 'it' }).language, 'it')
    assert.equal(ask('wifi?').language, 'en')
  })
})
