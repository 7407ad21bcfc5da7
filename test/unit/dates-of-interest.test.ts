import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { datesOfInterest } from '../../local-api/domain/insight/dates.js'

// What the insight panel lists as the dates a guest named: the coming occurrence of a day without
// a year, a range's end on or after its start, and never a clock time alone.

const days = (text: string, writtenAt: string) => datesOfInterest(text, new Date(writtenAt)).map(({ start, end }) => ({ start, end }))

describe('dates of interest: the coming occurrence', () => {
  const december = '2026-12-02T10:00:00Z'
  const summer = { start: '2027-06-01', end: '2027-09-04' }
  const cases: [string, string][] = [
    ['en', 'We would like to stay from 1 June to 4 September'],
    ['de', 'Wir möchten vom 1. Juni bis 4. September bei Ihnen wohnen'],
    ['fr', 'Nous voudrions une chambre du 1 juin au 4 septembre'],
    ['it', 'Vorremmo una camera dal 1 giugno al 4 settembre'],
    ['es', 'Queremos una habitación del 1 de junio al 4 de septiembre'],
  ]
  for (const [language, text] of cases) {
    it(`${language}: "${text}" written in December is next summer`, () => {
      assert.deepEqual(days(text, december), [summer])
    })
  }

  it('written in March, the same words are this summer', () => {
    assert.deepEqual(days('We would like to stay from 1 June to 4 September', '2026-03-01T10:00:00Z'), [{ start: '2026-06-01', end: '2026-09-04' }])
  })

  it('a range over the new year ends in the next year', () => {
    assert.deepEqual(days('Do you have a room from 20 December to 3 January?', december), [{ start: '2026-12-20', end: '2027-01-03' }])
  })

  it('a year the guest wrote is kept', () => {
    assert.deepEqual(days('A room from 1 June 2026 to 4 June 2026, please', december), [{ start: '2026-06-01', end: '2026-06-04' }])
  })

  it('today is still today', () => {
    assert.deepEqual(days('Any room for 2 December?', december), [{ start: '2026-12-02', end: null }])
  })
})

describe('dates of interest: clock times are not dates', () => {
  const written = '2026-12-02T10:00:00Z'
  const times: [string, string][] = [
    ['en', 'We will arrive at 21:15, is that ok?'],
    ['en', 'Can we check in at 9pm?'],
    ['de', 'Wir kommen um 21 Uhr an, ist das ok?'],
    ['de', 'Wir sind um 21:15 da'],
    ['fr', 'Nous arrivons à 21h15, est-ce possible ?'],
    ['it', 'Arriviamo alle 21:15, va bene?'],
    ['es', 'Llegamos a las 21:15, ¿está bien?'],
  ]
  for (const [language, text] of times) {
    it(`${language}: "${text}" names no date`, () => {
      assert.deepEqual(days(text, written), [])
    })
  }

  it('a day with a time is that day', () => {
    assert.deepEqual(days('Arriving on 24 December at 21:15', written), [{ start: '2026-12-24', end: null }])
    assert.deepEqual(days('Wir kommen am 24. Dezember um 21 Uhr an', written), [{ start: '2026-12-24', end: null }])
  })
})
