import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { needsReply, snoozeEnded, transition, waitingSince, type WaitingMessage } from '../../local-api/domain/conversation-state.js'

const guest = (createdAt: number): WaitingMessage => ({ direction: 'in', createdAt, author: null, meta: null })
const staff = (createdAt: number): WaitingMessage => ({ direction: 'out', createdAt, author: null, meta: null })
const botAnswer = (createdAt: number): WaitingMessage => ({ direction: 'out', createdAt, author: 'bot', meta: { tools: ['rag'] } })
const handoverNotice = (createdAt: number): WaitingMessage => ({ direction: 'out', createdAt, author: 'bot', meta: { tools: [] } })

describe('conversation state changes', () => {
  it('resolving a resolved conversation, reopening an open one and the same snooze again change nothing', () => {
    assert.deepEqual(transition({ state: 'resolved', snoozedUntil: null }, { kind: 'resolve' }, 0), { ok: true, next: null })
    assert.deepEqual(transition({ state: 'open', snoozedUntil: null }, { kind: 'reopen', reason: 'staff' }, 0), { ok: true, next: null })
    assert.deepEqual(transition({ state: 'snoozed', snoozedUntil: 10 }, { kind: 'snooze', until: 10 }, 0), { ok: true, next: null })
  })
  it('a snooze must end in the future, or when the guest writes', () => {
    assert.equal(transition({ state: 'open', snoozedUntil: null }, { kind: 'snooze', until: 5 }, 5).ok, false)
    assert.deepEqual(transition({ state: 'open', snoozedUntil: null }, { kind: 'snooze', until: null }, 5), {
      ok: true,
      next: { state: 'snoozed', snoozedUntil: null },
      event: { type: 'snoozed', data: { until: null } },
    })
  })
  it('reopening says why and clears the snooze', () => {
    assert.deepEqual(transition({ state: 'snoozed', snoozedUntil: 10 }, { kind: 'reopen', reason: 'snooze ended' }, 10), {
      ok: true,
      next: { state: 'open', snoozedUntil: null },
      event: { type: 'reopened', data: { reason: 'snooze ended' } },
    })
  })
  it('only a snooze with a time ends by itself', () => {
    assert.equal(snoozeEnded({ state: 'snoozed', snoozedUntil: 10 }, 10), true)
    assert.equal(snoozeEnded({ state: 'snoozed', snoozedUntil: 10 }, 9), false)
    assert.equal(snoozeEnded({ state: 'snoozed', snoozedUntil: null }, 1e15), false)
  })
})

describe('since when a guest waits', () => {
  it('is the earliest guest message after the latest answer; a handover notice is no answer', () => {
    assert.equal(waitingSince([guest(1), staff(2), guest(3), guest(4)]), 3)
    assert.equal(waitingSince([guest(1), botAnswer(2)]), null)
    assert.equal(waitingSince([guest(1), handoverNotice(2)]), 1)
    assert.equal(waitingSince([guest(1), staff(1)]), null, 'an answer of the same millisecond counts')
    assert.equal(waitingSince([]), null)
    assert.equal(waitingSince([guest(1), { ...staff(2), internal: true }]), 1, 'an internal note answers no one')
  })
  it('does not depend on the order the messages arrived in (every desk derives the same)', () => {
    const message = fc.oneof(fc.nat(50).map(guest), fc.nat(50).map(staff), fc.nat(50).map(botAnswer), fc.nat(50).map(handoverNotice))
    fc.assert(
      fc.property(
        fc
          .array(message, { maxLength: 12 })
          .chain((messages) => fc.tuple(fc.constant(messages), fc.shuffledSubarray(messages, { minLength: messages.length, maxLength: messages.length }))),
        ([messages, shuffled]) => {
          assert.equal(waitingSince(shuffled), waitingSince(messages))
        },
      ),
    )
  })
  it('needs a reply only while open', () => {
    assert.equal(needsReply({ state: 'open', snoozedUntil: null, waitingSince: 1 }), true)
    assert.equal(needsReply({ state: 'snoozed', snoozedUntil: null, waitingSince: 1 }), false)
    assert.equal(needsReply({ state: 'open', snoozedUntil: null, waitingSince: null }), false)
  })
})
