import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { waitedText, waitingLevel } from '../../renderer/lib/waiting-time.js'
import { parseZonedInput, snoozeEndText, tomorrowAt, zonedInputValue, zonedInstant } from '../../renderer/lib/zoned-time.js'

const MINUTE = 60_000
const targets = { warnMinutes: 5, lateMinutes: 15 }

describe("a waiting guest's badge", () => {
  it('is within the targets, then amber from the warning, then red from the late target', () => {
    assert.equal(waitingLevel(4 * MINUTE + 59_999, targets), 'ok')
    assert.equal(waitingLevel(5 * MINUTE, targets), 'warn')
    assert.equal(waitingLevel(14 * MINUTE, targets), 'warn')
    assert.equal(waitingLevel(15 * MINUTE, targets), 'late')
    assert.equal(waitingLevel(15 * MINUTE, { warnMinutes: 15, lateMinutes: 15 }), 'late')
  })

  it('says how long in minutes, hours and minutes, or days', () => {
    const t = ((key: string, options: Record<string, number>) => `${key}:${JSON.stringify(options)}`) as never
    assert.equal(waitedText(-5_000, t), 'waiting.minutes:{"count":0}')
    assert.equal(waitedText(12 * MINUTE + 30_000, t), 'waiting.minutes:{"count":12}')
    assert.equal(waitedText(65 * MINUTE, t), 'waiting.hoursMinutes:{"hours":1,"minutes":5}')
    assert.equal(waitedText(50 * 60 * MINUTE, t), 'waiting.days:{"count":2}')
  })
})

describe("times on the hotel's clock", () => {
  it('finds the instant a wall-clock time names in a time zone, across daylight saving changes', () => {
    assert.equal(zonedInstant({ year: 2026, month: 12, day: 3, hour: 9, minute: 0 }, 'Europe/Zurich'), Date.parse('2026-12-03T08:00:00Z'))
    assert.equal(zonedInstant({ year: 2026, month: 7, day: 3, hour: 9, minute: 0 }, 'Europe/Zurich'), Date.parse('2026-07-03T07:00:00Z'))
    assert.equal(zonedInstant({ year: 2026, month: 3, day: 29, hour: 9, minute: 0 }, 'Europe/Zurich'), Date.parse('2026-03-29T07:00:00Z'))
    assert.equal(zonedInstant({ year: 2026, month: 12, day: 3, hour: 9, minute: 30 }, 'Asia/Kolkata'), Date.parse('2026-12-03T04:00:00Z'))
    assert.equal(zonedInstant({ year: 2026, month: 12, day: 3, hour: 9, minute: 0 }, 'America/New_York'), Date.parse('2026-12-03T14:00:00Z'))
  })

  it("makes tomorrow 09:00 the hotel's tomorrow, wherever the desk's browser is", () => {
    // 22:30 UTC is 23:30 on the 2nd in Zurich: tomorrow is the 3rd.
    assert.equal(tomorrowAt(Date.parse('2026-12-02T22:30:00Z'), 9, 0, 'Europe/Zurich'), Date.parse('2026-12-03T08:00:00Z'))
    // 23:30 UTC is 00:30 on the 3rd in Zurich: tomorrow is the 4th.
    assert.equal(tomorrowAt(Date.parse('2026-12-02T23:30:00Z'), 9, 0, 'Europe/Zurich'), Date.parse('2026-12-04T08:00:00Z'))
    assert.equal(tomorrowAt(Date.parse('2026-12-31T12:00:00Z'), 9, 0, 'UTC'), Date.parse('2027-01-01T09:00:00Z'))
  })

  it('reads and writes a date-time input on that clock, and refuses what is not one', () => {
    assert.equal(parseZonedInput('2026-12-03T09:00', 'Europe/Zurich'), Date.parse('2026-12-03T08:00:00Z'))
    assert.equal(parseZonedInput('tomorrow', 'Europe/Zurich'), undefined)
    assert.equal(zonedInputValue(Date.parse('2026-12-03T08:00:00Z'), 'Europe/Zurich'), '2026-12-03T09:00')
  })

  it("tells a snooze's end by weekday within the week, by date after", () => {
    const now = Date.parse('2026-12-02T12:00:00Z')
    assert.equal(snoozeEndText(Date.parse('2026-12-03T08:00:00Z'), now, 'en', 'Europe/Zurich'), 'Thu 09:00')
    assert.equal(snoozeEndText(Date.parse('2026-12-20T08:00:00Z'), now, 'en', 'Europe/Zurich'), 'Dec 20, 09:00')
  })
})
