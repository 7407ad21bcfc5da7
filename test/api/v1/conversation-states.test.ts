import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eventually } from '../../support/eventually.js'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../support/test-app.js'

// A desk's working day: conversations are open, snoozed or resolved; "needs reply" lists the open
// ones whose guest is waiting, longest waiting first; a guest writing, or a snooze ending, opens a
// conversation again.
const MINUTE = 60_000
const HOUR = 60 * MINUTE
let now = Date.now()
const clock = () => now
let t: TestApp
let admin: string
let propertyB: string
let tokenB: string
let luca: string

type Method = 'GET' | 'POST' | 'PUT'
const api = (method: Method, url: string, payload?: object, token = admin) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload === undefined ? {} : { payload }) })
const ago = (ms: number) => new Date(now - ms).toISOString()
/** A guest message from `phone`, `msAgo` before now (older than 10 minutes: the AI agent leaves it alone). */
const guestWrites = async (phone: string, msAgo = HOUR, token = admin, text = 'Is breakfast included?') => {
  const response = await api('POST', PUSH_URL, { messages: [pushedMessage({ phone, text, at: ago(msAgo) })] }, token)
  assert.equal(response.statusCode, 201, response.body)
  return response.json()[0].conversationId as string
}
const conversation = async (id: string, token = admin) => (await api('GET', `/v1/conversations/${id}`, undefined, token)).json()
const eventsOf = async (id: string) => (await api('GET', `/v1/conversations/${id}/events`)).json() as { type: string; data: Record<string, unknown> }[]
const counts = async (query = '') => (await api('GET', `/v1/conversations/counts${query}`)).json() as Record<string, number>
const idsIn = async (view: string, query = '', token = admin) =>
  ((await api('GET', `/v1/conversations?view=${view}&limit=100${query}`, undefined, token)).json().items as { id: string }[]).map((item) => item.id)

before(async () => {
  t = await startTestApp({ clock })
  admin = t.token(['admin'])
  propertyB = (await api('POST', '/v1/properties', { name: 'Hotel B', defaultCountry: 'CH' })).json().id
  tokenB = t.token(undefined, propertyB)
  luca = (await api('POST', '/v1/agents', { name: 'Luca Meier', email: 'luca@alpenblick.ch', password: 'front desk 2026', role: 'agent' })).json().id
})
after(() => t.close())

describe('a new conversation', () => {
  it('is open and needs a reply since its guest wrote', async () => {
    const id = await guestWrites('+41795552001', 2 * HOUR)
    const view = await conversation(id)
    assert.deepEqual([view.state, view.snoozedUntil, view.waitingSince], ['open', null, ago(2 * HOUR)])
    assert.ok((await idsIn('needs_reply')).includes(id))
    assert.ok((await idsIn('open')).includes(id))
    assert.ok((await idsIn('all')).includes(id))
  })
})

describe('resolving', () => {
  it('moves the conversation from open and needs reply to resolved, in the list views and their counts', async () => {
    const id = await guestWrites('+41795552002')
    const before = await counts()
    const resolved = await api('POST', `/v1/conversations/${id}/resolve`)
    assert.equal(resolved.statusCode, 200)
    assert.equal(resolved.json().state, 'resolved')
    const after = await counts()
    assert.deepEqual(
      { needs_reply: after.needs_reply! - before.needs_reply!, open: after.open! - before.open!, resolved: after.resolved! - before.resolved! },
      { needs_reply: -1, open: -1, resolved: 1 },
    )
    assert.equal(after.all, before.all)
    assert.ok(!(await idsIn('needs_reply')).includes(id))
    assert.ok(!(await idsIn('open')).includes(id))
    assert.ok((await idsIn('resolved')).includes(id))
    assert.ok((await idsIn('all')).includes(id), 'all (the default) still lists it')
    // Resolving again changes nothing: one event.
    assert.equal((await api('POST', `/v1/conversations/${id}/resolve`)).statusCode, 200)
    assert.deepEqual(
      (await eventsOf(id)).map((event) => event.type),
      ['resolved'],
    )
  })

  it('counts only what the other filters select (a property, a channel)', async () => {
    const onB = await guestWrites('+41795552003', HOUR, tokenB)
    assert.deepEqual(await counts(`?propertyId=${propertyB}`), { needs_reply: 1, open: 1, snoozed: 0, resolved: 0, all: 1 })
    await api('POST', `/v1/conversations/${onB}/resolve`)
    assert.deepEqual(await counts(`?propertyId=${propertyB}`), { needs_reply: 0, open: 0, snoozed: 0, resolved: 1, all: 1 })
    assert.deepEqual(await counts(`?propertyId=${propertyB}&channel=phone`), { needs_reply: 0, open: 0, snoozed: 0, resolved: 0, all: 0 })
    // Words in the messages (read off the main thread).
    assert.deepEqual(await counts(`?propertyId=${propertyB}&text=breakfast`), { needs_reply: 0, open: 0, snoozed: 0, resolved: 1, all: 1 })
    assert.equal((await counts(`?propertyId=${propertyB}&text=parking`)).all, 0)
    // A property-bound token counts its own property only.
    assert.equal((await api('GET', '/v1/conversations/counts', undefined, tokenB)).json().all, 1)
  })
})

describe('a guest writing again', () => {
  it('reopens a resolved conversation, with one timeline event', async () => {
    const id = await guestWrites('+41795552004', 3 * HOUR)
    await api('POST', `/v1/conversations/${id}/resolve`)
    await guestWrites('+41795552004', 30 * MINUTE)
    const view = await conversation(id)
    assert.equal(view.state, 'open')
    assert.equal(view.waitingSince, ago(3 * HOUR), 'nobody answered: waiting since the first message')
    const reopened = (await eventsOf(id)).filter((event) => event.type === 'reopened')
    assert.deepEqual(
      reopened.map((event) => event.data),
      [{ reason: 'guest wrote' }],
    )
  })

  it('reopens a snoozed conversation, with one timeline event', async () => {
    const id = await guestWrites('+41795552005', 3 * HOUR)
    const snoozed = await api('POST', `/v1/conversations/${id}/snooze`, { until: new Date(now + 24 * HOUR).toISOString() })
    assert.equal(snoozed.statusCode, 200)
    assert.deepEqual([snoozed.json().state, snoozed.json().snoozedUntil], ['snoozed', new Date(now + 24 * HOUR).toISOString()])
    assert.ok((await idsIn('snoozed')).includes(id))
    await guestWrites('+41795552005', 20 * MINUTE)
    assert.deepEqual([(await conversation(id)).state, (await conversation(id)).snoozedUntil], ['open', null])
    assert.deepEqual(
      (await eventsOf(id)).map((event) => [event.type, event.data]),
      [
        ['snoozed', { until: new Date(now + 24 * HOUR).toISOString() }],
        ['reopened', { reason: 'guest wrote' }],
      ],
    )
  })

  it('ends a snooze "until the guest writes" (until: null), which no time ends', async () => {
    const id = await guestWrites('+41795552006', 3 * HOUR)
    const snoozed = await api('POST', `/v1/conversations/${id}/snooze`, { until: null })
    assert.deepEqual([snoozed.json().state, snoozed.json().snoozedUntil], ['snoozed', null])
    now += 48 * HOUR
    t.app.conversations.endDueSnoozes()
    assert.equal((await conversation(id)).state, 'snoozed')
    await guestWrites('+41795552006', 15 * MINUTE)
    assert.equal((await conversation(id)).state, 'open')
  })

  it('does not reopen on a staff reply', async () => {
    const id = await guestWrites('+41795552007', 2 * HOUR)
    await api('POST', `/v1/conversations/${id}/resolve`)
    assert.equal((await api('POST', `/v1/conversations/${id}/messages`, { text: 'You are welcome!' })).statusCode, 201)
    assert.equal((await conversation(id)).state, 'resolved')
  })
})

describe('a snooze until a time', () => {
  it('ends when the clock passes it: the conversation is open again and its assignee is notified', async () => {
    const id = await guestWrites('+41795552008', 2 * HOUR)
    assert.equal((await api('PUT', `/v1/conversations/${id}/assignee`, { agentId: luca })).statusCode, 204)
    await api('POST', `/v1/conversations/${id}/snooze`, { until: new Date(now + HOUR).toISOString() })
    now += 30 * MINUTE
    assert.equal(t.app.conversations.endDueSnoozes(), 0)
    assert.equal((await conversation(id)).state, 'snoozed')
    now += 31 * MINUTE
    assert.equal(t.app.conversations.endDueSnoozes(), 1)
    assert.deepEqual([(await conversation(id)).state, (await conversation(id)).snoozedUntil], ['open', null])
    assert.deepEqual((await eventsOf(id)).at(-1)!.data, { reason: 'snooze ended' })
    const notified = t.app.store.notifications.ofAgent(luca).filter((notification) => notification.conversationId === id)
    assert.deepEqual(
      notified.map((notification) => notification.kind),
      ['snooze_ended', 'assigned'],
      'newest first: told once that the snooze ended',
    )
  })

  it('that ended while the desk was off is caught up on at start', async () => {
    const desk = await startTestApp({ clock })
    const token = desk.token(['admin'])
    const pushed = await desk.app.inject({
      method: 'POST',
      url: PUSH_URL,
      headers: bearer(token),
      payload: { messages: [pushedMessage({ phone: '+41795552009', at: ago(HOUR) })] },
    })
    const id = pushed.json()[0].conversationId as string
    const until = new Date(now + HOUR).toISOString()
    await desk.app.inject({ method: 'POST', url: `/v1/conversations/${id}/snooze`, headers: bearer(token), payload: { until } })
    await desk.app.close()
    now += 2 * HOUR
    const again = await startTestApp({ clock, dataDir: desk.dataDir })
    try {
      const view = again.app.store.conversations.get(id)!
      assert.deepEqual([view.state, view.snoozedUntil], ['open', null])
      assert.deepEqual(
        again.app.store.conversationEvents.ofConversation(id).map((event) => [event.type, event.data]),
        [
          ['snoozed', { until }],
          ['reopened', { reason: 'snooze ended' }],
        ],
      )
    } finally {
      await again.close()
    }
  })
})

describe('needs reply', () => {
  it('lists the open conversations whose guest waits, the longest waiting first, page by page', async () => {
    const waited = [5, 3, 4, 1, 2].map((hours) => hours * HOUR + 7 * MINUTE)
    const ids = new Map<number, string>()
    for (const [index, msAgo] of waited.entries()) ids.set(msAgo, await guestWrites(`+4179555300${index}`, msAgo, tokenB))
    const expected = [...waited].sort((a, b) => b - a).map((msAgo) => ids.get(msAgo)!)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { json(): { items: { id: string; waitingSince: string }[]; nextCursor: string | null } } = await api(
        'GET',
        `/v1/conversations?view=needs_reply&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        undefined,
        tokenB,
      )
      const body = page.json()
      assert.ok(body.items.length <= 2)
      seen.push(...body.items.map((item) => item.id))
      cursor = body.nextCursor
    } while (cursor)
    assert.deepEqual(seen, expected)
  })

  it('loses a conversation once staff reply', async () => {
    const id = await guestWrites('+41795552010', 2 * HOUR)
    assert.ok((await idsIn('needs_reply')).includes(id))
    assert.equal((await api('POST', `/v1/conversations/${id}/messages`, { text: 'Yes, from 7 to 10.' })).statusCode, 201)
    assert.equal((await conversation(id)).waitingSince, null)
    assert.ok(!(await idsIn('needs_reply')).includes(id))
    assert.ok((await idsIn('open')).includes(id), 'still open')
    // A minute later the guest writes again: waiting since that message.
    now += MINUTE
    await guestWrites('+41795552010', 0)
    assert.equal((await conversation(id)).waitingSince, ago(0))
  })

  it('waits since the earliest unanswered guest message, in whatever order the messages arrive', async () => {
    const id = await guestWrites('+41795552015', 2 * HOUR)
    await guestWrites('+41795552015', HOUR)
    assert.equal((await conversation(id)).waitingSince, ago(2 * HOUR))
    await guestWrites('+41795552015', 3 * HOUR)
    assert.equal((await conversation(id)).waitingSince, ago(3 * HOUR), 'an older message pushed late')
    // A reply at a time in between (the integrator's outbound message) answers what came before it.
    const sent = await api('POST', PUSH_URL, { messages: [pushedMessage({ phone: '+41795552015', direction: 'SENT', text: 'Yes', at: ago(90 * MINUTE) })] })
    assert.equal(sent.statusCode, 201)
    assert.equal((await conversation(id)).waitingSince, ago(HOUR))
  })

  it('keeps a conversation the AI agent handed over: its notice to the guest is no reply', async () => {
    const phone = '+41795552011'
    const response = await api('POST', PUSH_URL, { messages: [pushedMessage({ phone, text: 'Can I bring my dog?', at: ago(MINUTE) })] })
    const id = response.json()[0].conversationId as string
    await t.app.aiAgent.idle()
    const view = await eventually('the AI agent hands over', async () => {
      const current = await conversation(id)
      assert.equal(current.mode, 'human')
      return current
    })
    assert.equal(view.lastMessageDirection, 'out', "the agent's handover notice went out")
    assert.equal(view.waitingSince, ago(MINUTE))
    assert.ok((await idsIn('needs_reply')).includes(id))
  })

  it('leaves out snoozed and resolved conversations even while their guest waits', async () => {
    const id = await guestWrites('+41795552012', 2 * HOUR)
    await api('POST', `/v1/conversations/${id}/snooze`, { until: null })
    assert.notEqual((await conversation(id)).waitingSince, null)
    assert.ok(!(await idsIn('needs_reply')).includes(id))
    await api('POST', `/v1/conversations/${id}/reopen`)
    assert.ok((await idsIn('needs_reply')).includes(id))
    assert.deepEqual((await eventsOf(id)).at(-1)!.data, { reason: 'staff' })
  })
})

describe('the actions refuse', () => {
  it('a bad body or a time in the past (400), saying why', async () => {
    const id = await guestWrites('+41795552013')
    assert.equal((await api('POST', `/v1/conversations/${id}/snooze`, {})).statusCode, 400)
    assert.equal((await api('POST', `/v1/conversations/${id}/snooze`, { until: 'tomorrow' })).statusCode, 400)
    assert.equal((await api('POST', `/v1/conversations/${id}/snooze`, { until: null, extra: 1 })).statusCode, 400)
    const past = await api('POST', `/v1/conversations/${id}/snooze`, { until: ago(MINUTE) })
    assert.equal(past.statusCode, 400)
    assert.match(past.json().detail, /until must be a time in the future/)
    assert.equal((await conversation(id)).state, 'open')
    assert.equal((await api('GET', '/v1/conversations?view=later')).statusCode, 400)
  })

  it("an unknown conversation or another property's (404), and a token that may not write (403)", async () => {
    const id = await guestWrites('+41795552014')
    for (const action of ['resolve', 'reopen', 'snooze']) {
      const body = action === 'snooze' ? { until: null } : undefined
      assert.equal((await api('POST', `/v1/conversations/conv_unknown/${action}`, body)).statusCode, 404)
      assert.equal((await api('POST', `/v1/conversations/${id}/${action}`, body, tokenB)).statusCode, 404)
    }
    const readOnly = t.token(['guest.conversation.read'])
    assert.equal((await api('POST', `/v1/conversations/${id}/resolve`, undefined, readOnly)).statusCode, 403)
    assert.equal((await conversation(id)).state, 'open')
  })
})
