import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Message } from '../../renderer/api/dto.js'
import { withSessionDividers } from '../../renderer/features/chat/session-dividers.js'
import { toApiFilters, type ChosenFilters } from '../../renderer/features/conversations/api-filters.js'
import { relativeTime } from '../../renderer/lib/relative-time.js'

const HOUR = 3600_000
const message = (id: string, direction: 'in' | 'out', at: number): Message => ({
  id,
  conversationId: 'conv_1',
  externalId: null,
  direction,
  content: { type: 'text', text: id },
  status: 'delivered',
  sender: { type: direction === 'in' ? 'guest' : 'property', agentId: null, name: null },
  agentTools: [],
  replyLatencyMs: null,
  delivery: null,
  createdAt: new Date(at).toISOString(),
  receivedAt: new Date(at).toISOString(),
})

describe('session dividers in the chat', () => {
  it('open a session at the first guest message and at each one written more than 24 h after the previous', () => {
    const t0 = Date.parse('2026-03-01T10:00:00Z')
    const items = withSessionDividers([
      message('reply-before-anything', 'out', t0 - HOUR),
      message('a', 'in', t0),
      message('b', 'out', t0 + HOUR),
      message('c', 'in', t0 + 23 * HOUR),
      message('d', 'in', t0 + 48 * HOUR),
      message('e', 'out', t0 + 49 * HOUR),
    ])
    assert.deepEqual(
      items.map((item) => (item.kind === 'session' ? '|' : item.message.id)),
      ['reply-before-anything', '|', 'a', 'b', 'c', '|', 'd', 'e'],
    )
  })
})

describe('the list filters as API filters', () => {
  const none: ChosenFilters = { channel: 'all', status: 'all', date: 'all', customFrom: '', customTo: '', propertyId: 'all', outletId: 'all' }
  const now = new Date(2026, 2, 11, 15, 30) // Wednesday 11 March 2026, 15:30 local time

  it('send nothing for "all"', () => {
    assert.deepEqual(toApiFilters(none, '  ', now), {})
  })

  it('map channel, status, lead, property, department and a trimmed search', () => {
    assert.deepEqual(toApiFilters({ ...none, channel: 'whatsapp', status: 'active', propertyId: 'prop_1' }, ' anna ', now), {
      channel: 'whatsapp',
      status: 'active',
      propertyId: 'prop_1',
      q: 'anna',
    })
    assert.deepEqual(toApiFilters({ ...none, status: 'lead' }, '', now), { lead: true })
    assert.deepEqual(toApiFilters({ ...none, outletId: 'out_1' }, '', now), { outletId: 'out_1' })
  })

  it('start today, this week (Monday) and this month at local midnight', () => {
    assert.equal(toApiFilters({ ...none, date: 'today' }, '', now).from, new Date(2026, 2, 11).toISOString())
    assert.equal(toApiFilters({ ...none, date: 'week' }, '', now).from, new Date(2026, 2, 9).toISOString())
    assert.equal(toApiFilters({ ...none, date: 'month' }, '', now).from, new Date(2026, 2, 1).toISOString())
  })

  it('include the whole last day of a custom range, and ignore an unfinished date', () => {
    const range = toApiFilters({ ...none, date: 'custom', customFrom: '2026-02-01', customTo: '2026-02-03' }, '', now)
    assert.deepEqual(range, { from: new Date(2026, 1, 1).toISOString(), to: new Date(2026, 1, 4).toISOString() })
    assert.deepEqual(toApiFilters({ ...none, date: 'custom', customFrom: '2026-02', customTo: '' }, '', now), {})
  })
})

describe('relative times in the list', () => {
  const t = ((key: string, options?: { count?: number }) => (options?.count === undefined ? key : `${key}:${options.count}`)) as never
  const now = Date.parse('2026-03-11T15:30:00Z')
  const ago = (ms: number) => new Date(now - ms).toISOString()

  it('read "now", minutes, hours, then a date', () => {
    assert.equal(relativeTime(ago(20_000), now, t, 'en'), 'time.now')
    assert.equal(relativeTime(ago(3 * 60_000), now, t, 'en'), 'time.minutes:3')
    assert.equal(relativeTime(ago(5 * HOUR), now, t, 'en'), 'time.hours:5')
    assert.equal(relativeTime('2025-12-24T10:00:00Z', now, t, 'en'), 'Dec 24, 2025')
  })
})
