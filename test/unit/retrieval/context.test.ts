import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { analyse } from '../../../local-api/domain/retrieval/analyse.js'
import { compileLexicon } from '../../../local-api/domain/retrieval/concepts.js'
import type { Language } from '../../../local-api/domain/retrieval/languages.js'

const lexicon = compileLexicon()
const read = (text: string, language: Language) => analyse(text, { lexicon, language, stemLanguages: [language], readContext: true })
const context = (text: string, language: Language) => read(text, language).context

describe('what the words around a question’s concepts say', () => {
  it('reads nothing into a clock time alone: "check in at 10am" may be early', () => {
    assert.deepEqual(context('can we check in at 10am?', 'en').concepts, [])
    assert.deepEqual(context('wir kommen um 11 Uhr an', 'de').concepts, [])
    assert.deepEqual(context('a room for 2 people', 'en').concepts, [])
  })

  it('reads before a time as early and after one as late, in every language', () => {
    for (const [text, language] of [
      ['can we check in before 12?', 'en'],
      ['Können wir vor 12 Uhr einchecken?', 'de'],
      ['peut-on arriver avant midi ?', 'fr'],
      ['possiamo entrare in camera prima delle 12?', 'it'],
      ['¿podemos entrar en la habitación antes de las 12?', 'es'],
    ] as const) {
      assert.ok(context(text, language).concepts.includes('early'), text)
    }
    for (const [text, language] of [
      ['can we check out after 2pm?', 'en'],
      ['Können wir nach 14 Uhr auschecken?', 'de'],
      ['peut-on partir après 14h ?', 'fr'],
      ['possiamo lasciare la camera dopo le 14?', 'it'],
      ['¿podemos dejar la habitación después de las 14?', 'es'],
    ] as const) {
      assert.ok(context(text, language).concepts.includes('late'), text)
    }
  })

  it('reads Italian "prima" and Spanish "antes" on their own as earlier, not "the first night"', () => {
    assert.deepEqual(context('possiamo fare il check-in prima?', 'it').concepts, ['early'])
    assert.deepEqual(context('¿se puede hacer el check-in antes?', 'es').concepts, ['early'])
    assert.deepEqual(context('la prima notte', 'it').concepts, [])
  })

  it('takes the guest’s own flight or train for their plan, not their question', () => {
    for (const [text, language, concept] of [
      ['our flight lands at 8, when is check-in?', 'en', 'airport'],
      ['unser Zug kommt um 10 an, wann ist der Check-in?', 'de', 'public_transport'],
      ['notre train arrive à 10h, la chambre sera prête ?', 'fr', 'public_transport'],
      ['il nostro volo arriva alle 8, quando è il check-in?', 'it', 'airport'],
      ['nuestro vuelo llega a las 8, ¿cuándo es el check-in?', 'es', 'airport'],
    ] as const) {
      const analysis = read(text, language)
      assert.deepEqual(analysis.context.circumstances, [concept], text)
      assert.ok(analysis.concepts.includes('check_in'), text)
    }
    assert.deepEqual(context('is there a train to the airport?', 'en').circumstances, [])
  })

  it('takes what happens before or after for the circumstance of the question', () => {
    for (const [text, language] of [
      ['can we leave our bags after checking out?', 'en'],
      ['können wir nach dem Auschecken das Gepäck lassen?', 'de'],
      ['peut-on laisser les bagages après le départ ?', 'fr'],
      ['possiamo lasciare i bagagli dopo il check-out?', 'it'],
      ['¿podemos dejar las maletas después del check-out?', 'es'],
    ] as const) {
      assert.deepEqual(context(text, language).circumstances, ['check_out'], text)
    }
    assert.deepEqual(context('what time is check-out?', 'en').circumstances, [])
  })

  it('is read for a guest’s question only', () => {
    assert.deepEqual(analyse('our flight lands at 8', { lexicon, language: 'en', stemLanguages: ['en'] }).context, {
      concepts: [],
      circumstances: [],
      journeys: [],
    })
  })
})
