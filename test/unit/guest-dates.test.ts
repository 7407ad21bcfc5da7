import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatGuestDay, guestDateLocale, todayIn } from '../../local-api/domain/guest-dates.js'

describe('guest dates', () => {
  it("choose the guest's language, else the property country's, else English", () => {
    assert.equal(guestDateLocale('de', 'US'), 'de')
    assert.equal(guestDateLocale('fr-CH', 'CH'), 'fr')
    assert.equal(guestDateLocale(null, 'CH'), 'de')
    assert.equal(guestDateLocale(null, 'IT'), 'it')
    assert.equal(guestDateLocale(null, 'ES'), 'es')
    assert.equal(guestDateLocale(null, 'FR'), 'fr')
    assert.equal(guestDateLocale(null, 'US'), 'en-US')
    assert.equal(guestDateLocale('en', 'CH'), 'en-GB')
    assert.equal(guestDateLocale(null, null), 'en-GB')
    assert.equal(guestDateLocale('zz', 'CH'), 'en-GB')
  })

  it('write a day for a person, with the year only when it is not this one', () => {
    const today = '2026-12-02'
    assert.equal(formatGuestDay('2026-12-03', 'en-GB', today), 'Thursday, 3 December')
    assert.equal(formatGuestDay('2026-12-03', 'de', today), 'Donnerstag, 3. Dezember')
    assert.equal(formatGuestDay('2026-12-03', 'fr', today), 'jeudi 3 décembre')
    assert.equal(formatGuestDay('2026-12-03', 'it', today), 'giovedì 3 dicembre')
    assert.equal(formatGuestDay('2026-12-03', 'es', today), 'jueves, 3 de diciembre')
    assert.equal(formatGuestDay('2027-01-05', 'de', today), 'Dienstag, 5. Januar 2027')
    assert.equal(formatGuestDay('2026-12-03', 'en-US', today), 'Thursday, December 3')
  })

  it("know the property's today in its own time zone", () => {
    const noonUtc = Date.parse('2026-12-31T12:00:00Z')
    assert.equal(todayIn('UTC', noonUtc), '2026-12-31')
    assert.equal(todayIn('Pacific/Auckland', noonUtc), '2027-01-01')
    assert.equal(todayIn('America/Los_Angeles', Date.parse('2027-01-01T05:00:00Z')), '2026-12-31')
    assert.equal(todayIn('Not/AZone', noonUtc), '2026-12-31')
  })
})
