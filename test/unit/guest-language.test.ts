// The guest's language, told offline: a few plain cases, and floors on the labelled evaluation set
// (npm run eval:languages prints its figures) so a change that makes it worse is seen.
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { guestLanguageOf } from '../../local-api/domain/guest-language.js'
import { loadLanguageModel } from '../../local-api/domain/retrieval/languages.js'
import { evaluateGuestLanguages } from '../eval/guest-languages.js'

before(() => loadLanguageModel())

describe("a guest message's language", () => {
  it('is told in the languages and scripts hotel guests write', () => {
    for (const [text, language] of [
      ['Hallo, habt ihr WLAN?', 'de'],
      ['Posso fare il check-in prima?', 'it'],
      ['Bonjour, à quelle heure est le petit-déjeuner ?', 'fr'],
      ['مرحبا، هل يمكنني تسجيل الوصول مبكرا؟', 'ar'],
      ['שלום, יש חניה במלון?', 'he'],
      ['請問可以提早入住嗎？', 'zh'],
      ['Здравствуйте, есть ли парковка?', 'ru'],
    ] as const) {
      assert.equal(guestLanguageOf(text), language, text)
    }
  })

  it('is none for what tells no language: numbers, emoji, addresses', () => {
    for (const text of ['12:30', '👍👍', '+41 79 123 45 67', 'https://maps.app.goo.gl/7xQ2kFh9vZ', 'anna.keller@example.com', '?']) {
      assert.equal(guestLanguageOf(text), null, text)
    }
  })

  it("is told from an email's opening words, however long it is", () => {
    const email = `Gentile hotel, vorremmo prenotare due camere doppie per il fine settimana. ${'Grazie mille per la vostra gentilezza. '.repeat(2_500)}`
    assert.equal(guestLanguageOf(email), 'it')
    // What comes after the opening does not change it (a quoted reply in English below).
    assert.equal(guestLanguageOf(`${email.slice(0, 1_200)}\n\n> ${'On Monday the hotel wrote: thank you for your booking. '.repeat(2_000)}`), 'it')
  })

  it('stays above its floors on the labelled set: most messages told, nearly all of them right', async () => {
    const figures = await evaluateGuestLanguages()
    assert.ok(figures.labelled >= 250 && figures.byLanguage.size >= 20, 'the set covers many languages')
    assert.ok(figures.told / figures.labelled >= 0.93, `coverage ${figures.told} of ${figures.labelled}`)
    assert.ok(figures.right / figures.told >= 0.95, `accuracy ${figures.right} of ${figures.told}`)
    assert.ok(figures.noneTold <= 3, `${figures.noneTold} language-less texts given a language`)
  })
})
