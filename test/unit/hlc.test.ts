import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { ClockError, compareHlc, createHlcClock, decodeHlc, encodeHlc } from '../../sync-core/hlc.js'

const HOUR = 3600_000
const T = Date.parse('2026-11-29T12:00:00Z')

describe('the hybrid logical clock', () => {
  it("encodes to strings whose order is the clock's order", () => {
    fc.assert(
      fc.property(
        fc.record({ wallMs: fc.integer({ min: 0, max: 9e14 }), counter: fc.integer({ min: 0, max: 0xffff }), node: fc.stringMatching(/^[0-9a-z]{1,8}$/) }),
        fc.record({ wallMs: fc.integer({ min: 0, max: 9e14 }), counter: fc.integer({ min: 0, max: 0xffff }), node: fc.stringMatching(/^[0-9a-z]{1,8}$/) }),
        (a, b) => {
          assert.deepEqual(decodeHlc(encodeHlc(a)), { ...a })
          const byFields = a.wallMs - b.wallMs || a.counter - b.counter || (a.node.padEnd(32) < b.node.padEnd(32) ? -1 : a.node === b.node ? 0 : 1)
          // Same wall and counter: nodes differ, and any fixed order between them will do.
          if (a.wallMs !== b.wallMs || a.counter !== b.counter) assert.equal(Math.sign(compareHlc(encodeHlc(a), encodeHlc(b))), Math.sign(byFields))
        },
      ),
    )
  })

  it('follows physical time and never goes backwards, even when the physical clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -HOUR, max: HOUR }), { minLength: 1, maxLength: 200 }), (jumps) => {
        let physical = T
        const clock = createHlcClock('desk1', () => physical)
        let previous = ''
        for (const jump of jumps) {
          physical += jump
          const next = clock.now()
          assert.ok(next > previous, `${next} after ${previous}`)
          assert.ok(decodeHlc(next).wallMs >= physical, 'never behind physical time')
          previous = next
        }
      }),
    )
  })

  it('orders what a replica does after everything it has received, with clocks skewed by an hour', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 5000 })), { maxLength: 100 }), (steps) => {
        let physical = T
        const fast = createHlcClock('fast', () => physical + HOUR)
        const slow = createHlcClock('slow', () => physical - HOUR)
        for (const [fastSends, ms] of steps) {
          physical += ms
          const [from, to] = fastSends ? [fast, slow] : [slow, fast]
          const sent = from.now()
          to.receive(sent)
          assert.ok(to.now() > sent, 'causality: the reply is later than what it answers')
        }
      }),
    )
  })

  it('restarts after its latest timestamp', () => {
    const clock = createHlcClock('desk1', () => T)
    clock.now()
    const last = clock.now()
    const restarted = createHlcClock('desk1', () => T - HOUR, { latest: last })
    assert.ok(restarted.now() > last)
  })

  it('takes a new node (a desk with a new client id) and stays past everything it made', () => {
    const clock = createHlcClock('desk1', () => T)
    const before = clock.now()
    clock.rename('desk0')
    assert.ok(clock.latest() > before, 'past what it made under its old name')
    const after = clock.now()
    assert.ok(after > before)
    assert.equal(decodeHlc(after).node, 'desk0')
    assert.equal(decodeHlc(clock.latest()).node, 'desk0')
    assert.throws(() => clock.rename('Desk 0'), ClockError)
  })

  it('refuses a timestamp more than a day ahead, and a malformed one', () => {
    const clock = createHlcClock('central', () => T)
    clock.receive(encodeHlc({ wallMs: T + 23 * HOUR, counter: 0, node: 'desk2' }))
    assert.throws(() => clock.receive(encodeHlc({ wallMs: T + 25 * HOUR, counter: 0, node: 'desk2' })), ClockError)
    assert.throws(() => clock.receive('yesterday'), ClockError)
    assert.throws(() => createHlcClock('Desk 1', () => T), ClockError)
  })

  it('counts events within one millisecond, up to its limit', () => {
    const clock = createHlcClock('desk1', () => T)
    const first = decodeHlc(clock.now())
    const second = decodeHlc(clock.now())
    assert.deepEqual([second.wallMs, second.counter], [first.wallMs, first.counter + 1])
    const saturated = createHlcClock('desk1', () => T, { latest: encodeHlc({ wallMs: T, counter: 0xffff, node: 'desk1' }) })
    assert.throws(() => saturated.now(), /overflow/)
  })
})
