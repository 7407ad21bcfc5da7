// Which language the inbox opens in, and under which regional tag it formats dates and numbers.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { browserUiLanguage, regionalTag } from '../../renderer/i18n/languages.js'

describe("the browser's language", () => {
  it('is the first of its languages the inbox speaks', () => {
    assert.equal(browserUiLanguage(['de-CH', 'en']), 'de')
    assert.equal(browserUiLanguage(['pt-BR', 'it-IT', 'en']), 'it')
    assert.equal(browserUiLanguage(['fr']), 'fr')
    assert.equal(browserUiLanguage(['es-419']), 'es')
  })

  it('takes Taiwan, Hong Kong and Macau Chinese (Traditional script) as zh-Hant, not simplified Chinese', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-CH']) assert.equal(browserUiLanguage([tag]), 'zh-Hant', tag)
    assert.equal(browserUiLanguage(['zh-CN', 'en-GB']), 'en')
    assert.equal(browserUiLanguage(['zh']), 'en')
  })

  it('is English when none is spoken, or a tag is not one', () => {
    assert.equal(browserUiLanguage([]), 'en')
    assert.equal(browserUiLanguage(['pt-PT', 'nl']), 'en')
    assert.equal(browserUiLanguage(['not a tag', 'de']), 'de')
  })
})

describe('the regional tag', () => {
  it("is the browser's own tag for the language when it has one", () => {
    assert.equal(regionalTag('de', ['de-CH', 'en-US']), 'de-CH')
    assert.equal(regionalTag('fr', ['de-CH', 'fr-CH']), 'fr-CH')
    assert.equal(regionalTag('zh-Hant', ['zh-TW']), 'zh-Hant-TW')
  })

  it("else the language in the browser's region: English on a Swiss desk writes dates and times as the Swiss do", () => {
    assert.equal(regionalTag('en', ['de-CH']), 'en-CH')
    const time = new Intl.DateTimeFormat(regionalTag('en', ['de-CH']), { hour: 'numeric', minute: '2-digit' }).format(new Date(Date.UTC(2026, 0, 5, 14, 5)))
    assert.doesNotMatch(time, /PM/)
    assert.equal(regionalTag('it', ['en-GB']), 'it-GB')
  })

  it('else the language alone', () => {
    assert.equal(regionalTag('de', ['de']), 'de')
    assert.equal(regionalTag('es', []), 'es')
  })
})
