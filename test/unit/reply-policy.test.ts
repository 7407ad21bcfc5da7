import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { notDeliverableReason, replyPolicy, replyRefusal } from '../../local-api/domain/reply-policy.js'

const NOW = Date.parse('2026-03-10T12:00:00Z')
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const policy = (channel: string, lastGuestMessageAt: number | null) => replyPolicy({ channel, lastGuestMessageAt }, NOW)
const rule = (reason: string, canReply: boolean, templatesOnly = false) => ({ canReply, templatesOnly, reason })

describe('the reply policy', () => {
  it("lets anything be sent within 24 h of the guest's last message, and says when that ends and what follows", () => {
    assert.deepEqual(policy('whatsapp', NOW - 2 * HOUR), {
      ...rule('window-open', true),
      windowEndsAt: NOW + 22 * HOUR,
      afterWindow: rule('window-closed-templates-only', true, true),
    })
    assert.deepEqual(policy('instagram', NOW - HOUR).afterWindow, rule('window-closed', false))
    assert.deepEqual(policy('facebook', NOW - HOUR).afterWindow, rule('window-closed', false))
    assert.deepEqual(policy('web_chat', NOW - HOUR).afterWindow, rule('window-closed-with-warning', true))
  })

  it('is evaluated at the moment asked: 23 h 59 min after the guest wrote, the window has a minute left', () => {
    const late = policy('whatsapp', NOW - 24 * HOUR + MINUTE)
    assert.equal(late.reason, 'window-open')
    assert.equal(late.windowEndsAt, NOW + MINUTE)
    assert.equal(policy('whatsapp', NOW - 24 * HOUR).reason, 'window-closed-templates-only')
  })

  it('after the window follows each platform, with no window end', () => {
    assert.deepEqual(policy('whatsapp', NOW - 30 * HOUR), {
      ...rule('window-closed-templates-only', true, true),
      windowEndsAt: null,
      afterWindow: rule('window-closed-templates-only', true, true),
    })
    assert.deepEqual(
      { ...policy('instagram', NOW - 30 * HOUR), afterWindow: undefined },
      { ...rule('window-closed', false), windowEndsAt: null, afterWindow: undefined },
    )
    assert.equal(policy('facebook', NOW - 30 * HOUR).canReply, false)
    assert.equal(policy('web_chat', NOW - 30 * HOUR).reason, 'window-closed-with-warning')
    assert.equal(policy('email', null).reason, 'window-closed-with-warning')
  })

  it('never lets a phone-call transcript be answered, though its window shows', () => {
    const call = policy('phone', NOW - HOUR)
    assert.deepEqual(call, { ...rule('no-reply-channel', false), windowEndsAt: NOW + 23 * HOUR, afterWindow: rule('no-reply-channel', false) })
    assert.equal(policy('phone', NOW - 30 * HOUR).reason, 'no-reply-channel')
  })

  it("opens no longer window for a message stamped ahead of this desk's clock", () => {
    assert.equal(policy('web_chat', NOW + 3 * HOUR).windowEndsAt, NOW + 24 * HOUR)
  })
})

describe('a reply under the policy', () => {
  const refusal = (channel: string, hoursAgo: number, reply: Parameters<typeof replyRefusal>[2]) =>
    replyRefusal(policy(channel, NOW - hoursAgo * HOUR), channel, reply)
  const free = { template: null }
  const approved = { template: { approval: 'approved' } }
  const pending = { template: { approval: 'pending' } }

  it('is taken inside the window, whatever it is', () => {
    assert.equal(refusal('whatsapp', 1, free), null)
    assert.equal(refusal('instagram', 1, pending), null)
  })

  it("is refused after WhatsApp's window unless it is an approved template", () => {
    assert.equal(refusal('whatsapp', 30, approved), null)
    assert.match(refusal('whatsapp', 30, free)!.message, /24 h window of this whatsapp conversation has closed/)
    assert.match(refusal('whatsapp', 30, pending)!.message, /only approved templates/)
  })

  it("is refused after Messenger's and Instagram's window, and taken elsewhere", () => {
    assert.equal(refusal('facebook', 30, approved)!.reason, 'window-closed')
    assert.equal(refusal('instagram', 30, free)!.reason, 'window-closed')
    assert.equal(refusal('web_chat', 30, free), null)
  })

  it('is refused on a phone-call transcript, which has no reply channel', () => {
    assert.deepEqual(refusal('phone', 1, free), {
      reason: 'no-reply-channel',
      message: 'a phone-call transcript has no reply channel; call the guest back instead',
    })
  })

  it('once stored, cannot be delivered without a reply channel or a webhook', () => {
    assert.equal(notDeliverableReason('phone', true), 'phone-call transcript')
    assert.equal(notDeliverableReason('web_chat', false), 'no channel webhook')
    assert.equal(notDeliverableReason('web_chat', true), undefined)
  })
})
