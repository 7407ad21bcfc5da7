import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ConversationEvent, Message, ReplyPolicy, ReplyRule, Template } from '../../api-contract/index.js'
import { offeredTemplates, replyRuleAt, windowLeft } from '../../renderer/features/chat/reply-window.js'
import { chatRows, type ChatRow } from '../../renderer/features/chat/chat-rows.js'
import { estimateRowHeight, ROW_METRICS } from '../../renderer/features/chat/row-height.js'
import { withSessionDividers, type ChatItem } from '../../renderer/features/chat/session-dividers.js'
import { toApiFilters, type ChosenFilters } from '../../renderer/features/conversations/api-filters.js'
import { withNewestPage } from '../../renderer/queries/newest-page.js'
import { learnableAnswer } from '../../renderer/features/chat/learn-from-reply.js'
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
  original: null,
  internal: false,
  mentions: [],
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
    assert.deepEqual(items.map(label), ['reply-before-anything', '|', 'a', 'b', 'c', '|', 'd', 'e'])
  })

  it('place timeline events where they happened, holding back older ones while older messages are unloaded', () => {
    const t0 = Date.parse('2026-03-01T10:00:00Z')
    const event = (id: string, at: number): ConversationEvent => ({
      id,
      type: 'mode_changed',
      agent: null,
      data: { mode: 'human' },
      createdAt: new Date(at).toISOString(),
    })
    const messages = [message('a', 'in', t0), message('b', 'out', t0 + 2 * HOUR)]
    const events = [event('before', t0 - HOUR), event('between', t0 + HOUR), event('after', t0 + 3 * HOUR)]
    assert.deepEqual(withSessionDividers(messages, events).map(label), ['@before', '|', 'a', '@between', 'b', '@after'])
    assert.deepEqual(withSessionDividers(messages, events, false).map(label), ['a', '@between', 'b', '@after'])
  })

  it('hold back the divider of the oldest loaded guest message until the messages before it are in', () => {
    const t0 = Date.parse('2026-03-01T10:00:00Z')
    const loaded = [message('a', 'in', t0), message('b', 'out', t0 + HOUR), message('c', 'in', t0 + 30 * HOUR)]
    assert.deepEqual(withSessionDividers(loaded, [], false).map(label), ['a', 'b', '|', 'c'])
    assert.deepEqual(withSessionDividers(loaded, [], true).map(label), ['|', 'a', 'b', '|', 'c'])
  })
})

describe('the rows of the virtualised chat', () => {
  it('carry each session divider with the message it opens, keyed by what stays when older pages load', () => {
    const t0 = Date.parse('2026-03-01T10:00:00Z')
    const events: ConversationEvent[] = [
      { id: 'evt_1', type: 'mode_changed', agent: null, data: { mode: 'human' }, createdAt: new Date(t0 + HOUR / 2).toISOString() },
    ]
    const rows = chatRows(withSessionDividers([message('a', 'in', t0), message('b', 'out', t0 + HOUR), message('c', 'in', t0 + 30 * HOUR)], events))
    assert.deepEqual(
      rows.map((row) => [row.key, row.kind === 'message' ? row.sessionStartedAt : null]),
      [
        ['a', new Date(t0).toISOString()],
        ['event-evt_1', null],
        ['b', null],
        ['c', new Date(t0 + 30 * HOUR).toISOString()],
      ],
    )
  })
})

function label(item: ChatItem): string {
  return item.kind === 'session' ? '|' : item.kind === 'event' ? `@${item.event.id}` : item.message.id
}

describe('the list filters as API filters', () => {
  const none: ChosenFilters = {
    view: 'all',
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
  const now = new Date(2026, 2, 11, 15, 30) // Wednesday 11 March 2026, 15:30 local time

  it('send nothing for "all"', () => {
    assert.deepEqual(toApiFilters(none, '  ', now), {})
  })

  it('send the guest language chosen', () => {
    assert.deepEqual(toApiFilters({ ...none, language: 'ar' }, '', now), { language: 'ar' })
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

  it('send the view (first: the first screen asks for the same address) unless it is all, and the unread-only choice', () => {
    assert.deepEqual(Object.keys(toApiFilters({ ...none, view: 'needs_reply', channel: 'phone' }, '', now)), ['view', 'channel'])
    assert.deepEqual(toApiFilters({ ...none, view: 'snoozed', unreadOnly: true }, '', now), { view: 'snoozed', unread: true })
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
  const now = Date.parse('2026-03-11T15:30:00Z')
  const ago = (ms: number) => new Date(now - ms).toISOString()
  // Some locales put a (narrow) no-break space between number and unit.
  const times = (locale: string) => [20_000, 3 * 60_000, 5 * HOUR, 24 * HOUR].map((ms) => relativeTime(ago(ms), now, locale).replace(/\s/gu, ' '))

  it('read "now", minutes, hours, yesterday, then a date, in the locale\'s own words (Intl)', () => {
    assert.deepEqual(times('en'), ['now', '3 min', '5 hr', 'yesterday'])
    assert.equal(relativeTime('2025-12-24T10:00:00Z', now, 'en'), 'Dec 24, 2025')
    assert.deepEqual(times('de-CH'), ['jetzt', '3 Min.', '5 Std.', 'gestern'])
    assert.deepEqual(times('fr'), ['maintenant', '3 min', '5 h', 'hier'])
    assert.deepEqual(times('zh-Hant'), ['現在', '3 分鐘', '5 小時', '昨天'])
    assert.equal(relativeTime('2025-12-24T10:00:00Z', now, 'de-CH'), '24.12.2025')
  })
})

describe("the composer's reply window", () => {
  const now = Date.parse('2026-03-10T12:00:00Z')
  const open: ReplyRule = { canReply: true, templatesOnly: false, reason: 'window-open' }
  const templatesOnly: ReplyRule = { canReply: true, templatesOnly: true, reason: 'window-closed-templates-only' }
  const closed: ReplyRule = { canReply: false, templatesOnly: false, reason: 'window-closed' }
  const whatsapp = (windowEndsAt: number): ReplyPolicy => ({ ...open, windowEndsAt: new Date(windowEndsAt).toISOString(), afterWindow: templatesOnly })

  it("follows the server's answer until its window ends, then what the server said holds after", () => {
    assert.deepEqual(replyRuleAt(whatsapp(now + 60_000), now), { ...open, windowEndsAt: new Date(now + 60_000).toISOString(), afterWindow: templatesOnly })
    assert.equal(windowLeft(whatsapp(now + 60_000), now), 60_000)
    assert.deepEqual(replyRuleAt(whatsapp(now + 60_000), now + 60_000), templatesOnly)
    assert.equal(windowLeft(whatsapp(now + 60_000), now + 60_000), null)
  })

  it("keeps a closed window's rule", () => {
    const expired: ReplyPolicy = { ...closed, windowEndsAt: null, afterWindow: closed }
    assert.equal(replyRuleAt(expired, now), expired)
    assert.equal(windowLeft(expired, now), null)
  })

  it('offers only approved templates for the channel where the rule says so, and none where nothing may be sent', () => {
    const template = (id: string, channel: Template['channel'], approval: Template['approval']): Template => ({
      id,
      propertyId: 'p',
      name: id,
      shortcut: id,
      body: id,
      variables: [],
      language: 'en',
      channel,
      approval,
      updatedAt: '',
    })
    const all = [
      template('any', null, null),
      template('wa-ok', 'whatsapp', 'approved'),
      template('wa-wait', 'whatsapp', 'pending'),
      template('ig', 'instagram', null),
    ]
    assert.deepEqual(
      offeredTemplates(all, 'whatsapp', open).map((t) => t.id),
      ['any', 'wa-ok', 'wa-wait'],
    )
    assert.deepEqual(
      offeredTemplates(all, 'whatsapp', templatesOnly).map((t) => t.id),
      ['wa-ok'],
    )
    assert.deepEqual(offeredTemplates(all, 'instagram', closed), [])
  })
})

describe('a live update of a long chat', () => {
  const t0 = Date.parse('2026-03-01T10:00:00Z')
  const msgs = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => message(`m${from - i}`, 'in', t0 + (from - i) * 60_000))
  // Newest first, three pages of four: m12…m9, m8…m5, m4…m1.
  const loaded = {
    pages: [
      { items: msgs(12, 9), nextCursor: 'm9' },
      { items: msgs(8, 5), nextCursor: 'm5' },
      { items: msgs(4, 1), nextCursor: null },
    ],
    pageParams: [null, 'm9', 'm5'],
  }
  const ids = (pages: { pages: { items: { id: string }[] }[] }) => pages.pages.flatMap((page) => page.items.map((item) => item.id))

  it('puts the newest page in place of what it covers and keeps the older pages as loaded', () => {
    const next = withNewestPage(loaded, { items: msgs(14, 11), nextCursor: 'm11' })!
    assert.deepEqual(ids(next), ['m14', 'm13', 'm12', 'm11', 'm10', 'm9', 'm8', 'm7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1'])
    assert.deepEqual(next.pageParams, [null, null, 'm9', 'm5'])
    assert.equal(next.pages[2], loaded.pages[1], 'untouched pages are the same objects')
    assert.equal(next.pages.at(-1)!.nextCursor, null)
  })

  it('drops a message deleted since from what the newest page covers', () => {
    const next = withNewestPage(loaded, {
      items: [message('m12', 'in', 0), message('m10', 'in', 0), message('m9', 'in', 0), message('m8', 'in', 0)],
      nextCursor: 'm8',
    })!
    assert.deepEqual(ids(next).slice(0, 5), ['m12', 'm10', 'm9', 'm8', 'm7'])
  })

  it('refuses a newest page that does not reach back to a loaded message (a gap)', () => {
    assert.equal(withNewestPage(loaded, { items: [message('m20', 'in', 0), message('m19', 'in', 0)], nextCursor: 'm19' }), undefined)
  })

  it('takes a page holding the whole conversation as it is', () => {
    const whole = { items: msgs(3, 1), nextCursor: null }
    assert.deepEqual(withNewestPage(loaded, whole), { pages: [whole], pageParams: [null] })
  })
})

describe('what staff may add to the knowledge base from a chat', () => {
  const at = (minute: number) => new Date(Date.parse('2026-12-01T10:00:00Z') + minute * 60_000).toISOString()
  const said = (id: string, type: 'guest' | 'agent' | 'bot', text: string, minute: number) =>
    ({
      ...message(id, type === 'guest' ? 'in' : 'out', Date.parse(at(minute))),
      content: { type: 'text', text },
      sender: { type, agentId: null, name: null },
    }) as Message
  const handover = (reason: string, minute: number) =>
    ({ id: `evt_${minute}`, type: 'handover', agent: null, data: { mode: 'human', reason }, createdAt: at(minute) }) as ConversationEvent

  it('is the question the agent had nothing for and the staff reply after it, once staff have answered', () => {
    const asked = said('m1', 'guest', 'Do you rent e-bikes?', 0)
    const told = said('m2', 'bot', "I've passed this to our front desk", 0)
    const events = [handover('nothing relevant found', 0)]
    assert.equal(learnableAnswer([told, asked], events), null, 'not answered by staff yet')
    const reply = said('m3', 'agent', 'Yes, CHF 30 a day at reception.', 3)
    assert.deepEqual(learnableAnswer([reply, told, asked], events), { question: 'Do you rent e-bikes?', answer: 'Yes, CHF 30 a day at reception.' })
  })

  it('is nothing after a handover for a person, a complaint or an unverified booking', () => {
    const messages = [said('m3', 'agent', 'Sure, calling you now.', 2), said('m1', 'guest', 'I want a person', 0)]
    for (const reason of ['asked for a person', 'complaint', 'booking not verified']) assert.equal(learnableAnswer(messages, [handover(reason, 1)]), null)
  })
})

describe('a chat row height before it is measured', () => {
  const row = (direction: 'in' | 'out', text: string, sessionStartedAt: string | null = null): ChatRow => ({
    kind: 'message',
    key: 'm',
    message: { ...message('m', direction, 0), content: { type: 'text', text } },
    sessionStartedAt,
  })
  const { oneLineBubble, authorLine, textLine, sessionDivider } = ROW_METRICS
  const wide = 665

  it("is one line for a short guest message, with the author line for the property's reply", () => {
    assert.equal(estimateRowHeight(row('in', 'Hello!'), wide), oneLineBubble)
    assert.equal(estimateRowHeight(row('out', 'Hello!'), wide), oneLineBubble + authorLine)
  })

  it('grows a line for each line the text wraps to, or breaks to, in a bubble of up to 75 % of the history', () => {
    const words = (n: number) => 'x'.repeat(n)
    assert.equal(estimateRowHeight(row('in', words(130)), wide), oneLineBubble + textLine)
    assert.equal(estimateRowHeight(row('in', 'one\ntwo\nthree'), wide), oneLineBubble + 2 * textLine)
    // A narrow history (a laptop with the side panel open) wraps sooner.
    assert.ok(estimateRowHeight(row('in', words(130)), 300) > estimateRowHeight(row('in', words(130)), wide))
    // Not laid out yet (width 0): as wide as a bubble gets.
    assert.equal(estimateRowHeight(row('in', words(130)), 0), oneLineBubble + textLine)
  })

  it('adds the session divider above a message that opens a session', () => {
    assert.equal(estimateRowHeight(row('in', 'Hi', '2026-01-01T00:00:00.000Z'), wide), oneLineBubble + sessionDivider)
  })
})
