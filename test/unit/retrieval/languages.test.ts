import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectLanguage, isSupportedLanguage, SUPPORTED_LANGUAGES } from '../../../local-api/domain/retrieval/languages.js'
import { loadLanguageModel } from '../../../local-api/domain/retrieval/languages.js'

// Detection reads tinyld's model, which the agent loads when it starts.
await loadLanguageModel()

describe('language detection', () => {
  it('supports English, German, French, Italian and Spanish', () => {
    assert.deepEqual([...SUPPORTED_LANGUAGES], ['en', 'de', 'fr', 'it', 'es'])
    assert.ok(isSupportedLanguage('de'))
    assert.equal(isSupportedLanguage('af'), false)
    assert.equal(isSupportedLanguage(undefined), false)
  })

  it('tells short guest texts in each language apart', () => {
    const cases: [string, string][] = [
      ['where can I leave the car?', 'en'],
      ['hi, is there a pool', 'en'],
      ['what time is breakfast served', 'en'],
      ['Hallo, habt ihr einen Pool?', 'de'],
      ['Wo kann ich parken?', 'de'],
      ['Frühstück?', 'de'],
      ['und für Hunde?', 'de'],
      ['Bonjour, avez-vous une piscine ?', 'fr'],
      ['à quelle heure est le petit-déjeuner ?', 'fr'],
      ['Ciao, avete la piscina?', 'it'],
      ['a che ora è la colazione?', 'it'],
      ['Hola, ¿tenéis piscina?', 'es'],
      ['¿a qué hora es el desayuno?', 'es'],
    ]
    for (const [text, language] of cases) assert.equal(detectLanguage(text), language, text)
  })

  it('says nothing rather than guess on a text too short to tell, and never Afrikaans', () => {
    assert.equal(detectLanguage('wifi password?'), null)
    assert.equal(detectLanguage('parking?'), null)
    assert.equal(detectLanguage(''), null)
  })

  it('chooses only among the candidates it is given', () => {
    assert.equal(detectLanguage('Wo kann ich parken?', ['en', 'de']), 'de')
    assert.equal(detectLanguage('Wo kann ich parken?', ['en', 'fr']) === 'de', false)
    assert.equal(detectLanguage('anything at all', ['it']), 'it')
    assert.equal(detectLanguage('anything at all', []), null)
  })
})
