import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isBlankContent } from '../../local-api/domain/message-content.js'
import { dayProblem, timestampProblem } from '../../local-api/domain/timestamps.js'

const NOW = Date.parse('2026-03-10T12:00:00Z')

describe('client-given times', () => {
  it('are taken from 2000-01-01 to a day ahead of our clock', () => {
    const cases: [string, number, string | null][] = [
      ['the first instant of 2000', Date.parse('2000-01-01T00:00:00Z'), null],
      ['now', NOW, null],
      ['a day ahead', NOW + 24 * 3_600_000, null],
      ['the last second of 1999', Date.parse('1999-12-31T23:59:59Z'), 'is before 2000-01-01'],
      ['the epoch', 0, 'is before 2000-01-01'],
      ['before the epoch', -1, 'is before 2000-01-01'],
      ['a day and a second ahead', NOW + 24 * 3_600_000 + 1_000, 'is more than a day in the future'],
      ['unparseable', Number.NaN, 'is not a valid timestamp'],
      ['infinite', Number.POSITIVE_INFINITY, 'is not a valid timestamp'],
    ]
    for (const [name, ms, expected] of cases) assert.equal(timestampProblem(ms, NOW), expected, name)
  })

  it('take calendar days from 2000-01-01 that exist', () => {
    const cases: [string, string | null][] = [
      ['2000-01-01', null],
      ['2028-02-29', null],
      ['1999-12-31', 'is before 2000-01-01'],
      ['0001-01-01', 'is before 2000-01-01'],
      ['2026-02-30', 'is not a valid day (YYYY-MM-DD)'],
      ['2026-13-01', 'is not a valid day (YYYY-MM-DD)'],
      ['2026-3-1', 'is not a valid day (YYYY-MM-DD)'],
      ['soon', 'is not a valid day (YYYY-MM-DD)'],
    ]
    for (const [day, expected] of cases) assert.equal(dayProblem(day), expected, day)
  })
})

describe('blank message content', () => {
  it('is a text of whitespace, or an email with neither subject nor body', () => {
    assert.equal(isBlankContent({ type: 'text', text: ' \n\t\u00a0' }), true)
    assert.equal(isBlankContent({ type: 'quick_reply', text: '  ' }), true)
    assert.equal(isBlankContent({ type: 'response', text: '', quickReplies: [{ title: 'A' }] }), true)
    assert.equal(isBlankContent({ type: 'email', subject: ' ', body: '\n' }), true)
    assert.equal(isBlankContent({ type: 'email', subject: 'Booking', body: '' }), false)
    assert.equal(isBlankContent({ type: 'email', subject: '', body: 'Hi' }), false)
    assert.equal(isBlankContent({ type: 'text', text: ' ok ' }), false)
    assert.equal(isBlankContent({ type: 'image', url: 'https://cdn.example.com/a.jpg' }), false)
    assert.equal(isBlankContent({ type: 'location', latitude: 0, longitude: 0 }), false)
  })
})
