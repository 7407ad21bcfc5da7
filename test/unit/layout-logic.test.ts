import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import i18next from 'i18next'
import { activeFilters, type FilterWords } from '../../renderer/features/conversations/active-filters.js'
import type { ChosenFilters } from '../../renderer/features/conversations/api-filters.js'
import { errorSentence, NO_ANSWER } from '../../renderer/api/error-sentence.js'
import { en } from '../../renderer/i18n/en.js'
import { de } from '../../renderer/i18n/locales/de.js'
import { zhHant } from '../../renderer/i18n/locales/zh-Hant.js'

describe('a failed request, said to a receptionist', () => {
  before(async () => {
    await i18next.init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } })
  })

  it('says the server cannot be reached instead of "Failed to fetch", and that it recovers by itself', () => {
    assert.equal(errorSentence(NO_ANSWER, null), en.errors.network)
    assert.match(errorSentence(NO_ANSWER, null), /cannot be reached/)
  })

  it('never shows a 5xx detail: the server keeps those to its log', () => {
    for (const status of [500, 502, 503]) assert.equal(errorSentence(status, 'SqliteError: database is locked'), en.errors.server)
  })

  it('words an ended session and a rate limit itself, whatever the server said', () => {
    assert.equal(errorSentence(401, 'missing or invalid token'), en.errors.session)
    assert.equal(errorSentence(429, 'Rate limit exceeded, retry in 1 minute'), en.errors.tooMany)
  })

  it("keeps the server's own explanation of a rejected request", () => {
    assert.equal(
      errorSentence(409, 'the 24 h window has closed: only approved templates can be sent'),
      'the 24 h window has closed: only approved templates can be sent',
    )
    assert.equal(errorSentence(400, 'name must not be empty'), 'name must not be empty')
  })

  it('falls back to a sentence per status when the server gave none', () => {
    assert.equal(errorSentence(403, null), en.errors.forbidden)
    assert.equal(errorSentence(404, null), en.errors.notFound)
    assert.equal(errorSentence(409, null), en.errors.conflict)
    assert.equal(errorSentence(422, null), en.errors.rejected)
  })

  it("in another language, says what happened in it, then gives the server's English words as such", async () => {
    i18next.addResourceBundle('de', 'translation', de)
    i18next.addResourceBundle('zh-Hant', 'translation', zhHant)
    try {
      await i18next.changeLanguage('de')
      assert.equal(
        errorSentence(409, 'the 24 h window has closed: only approved templates can be sent'),
        'Dies wurde inzwischen geändert. Sehen Sie es sich erneut an und versuchen Sie es dann noch einmal. ' +
          'Begründung des Servers (auf Englisch): „the 24 h window has closed: only approved templates can be sent“',
      )
      assert.ok(errorSentence(400, 'name must not be empty').startsWith(`${de.errors.rejected} `))
      assert.equal(
        errorSentence(403, 'the API token lacks the scope admin'),
        `${de.errors.forbidden} Begründung des Servers (auf Englisch): „the API token lacks the scope admin“`,
      )
      // Ours alone, in German, where the server's words are not shown.
      assert.equal(errorSentence(500, 'SqliteError: database is locked'), de.errors.server)
      await i18next.changeLanguage('zh-Hant')
      assert.equal(errorSentence(404, 'conversation conv_1 not found'), `${zhHant.errors.notFound} 伺服器的說明（英文）：「conversation conv_1 not found」`)
    } finally {
      await i18next.changeLanguage('en')
    }
  })
})

describe('the active-filter chips', () => {
  const nothing: ChosenFilters = {
    view: 'needs_reply',
    unreadOnly: false,
    channel: 'all',
    status: 'all',
    date: 'all',
    customFrom: '',
    customTo: '',
    propertyId: 'all',
    outletId: 'all',
    assigned: 'anyone',
    type: 'any',
    language: 'any',
    searchMessages: false,
  }
  const words: FilterWords = {
    name: (key) => (key === 'searchMessages' ? '' : key),
    value: (key, chosen) => `${key}=${chosen}`,
    range: (from, to) => `${from || '…'}–${to || '…'}`,
    outlet: (id) => (id === 'out_spa' ? 'Spa' : id),
    property: (id) => (id === 'prop_1' ? 'Hotel Alpenblick' : id),
  }

  it('are none while every filter shows everything', () => {
    assert.deepEqual(activeFilters(nothing, words), [])
  })

  it('name each filter set, in the order of the popover, with names for ids', () => {
    const chosen: ChosenFilters = {
      ...nothing,
      channel: 'whatsapp',
      status: 'lead',
      assigned: 'mine',
      type: 'faq',
      language: 'it',
      outletId: 'out_spa',
      propertyId: 'prop_1',
      searchMessages: true,
    }
    assert.deepEqual(
      activeFilters(chosen, words).map(({ key, value }) => [key, value]),
      [
        ['searchMessages', 'searchMessages=on'],
        ['channel', 'channel=whatsapp'],
        ['status', 'status=lead'],
        ['assigned', 'assigned=mine'],
        ['type', 'type=faq'],
        ['language', 'language=it'],
        ['outletId', 'Spa'],
        ['propertyId', 'Hotel Alpenblick'],
      ],
    )
  })

  it('say a custom date range by its days, open ends included', () => {
    assert.deepEqual(activeFilters({ ...nothing, date: 'custom', customFrom: '2026-03-01', customTo: '' }, words), [
      { key: 'date', name: 'date', value: '2026-03-01–…' },
    ])
    assert.deepEqual(activeFilters({ ...nothing, date: 'week' }, words), [{ key: 'date', name: 'date', value: 'date=week' }])
  })
})
