import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../support/test-app.js'

const HOUR = 3600_000
let t: TestApp
let admin: string
const agents: Record<'luca' | 'mia', { id: string; cookie: string }> = {} as never

const api = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = bearer(admin)) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) })
const push = async (message: object) => (await api('POST', PUSH_URL, { messages: [message] })).json()[0].conversationId as string
const native = async (channel: string, phone: string, at: number) =>
  (await api('POST', '/v1/messages', { messages: [{ channel, guest: { phone }, direction: 'in', content: { type: 'text', text: 'Hi there' }, createdAt: new Date(at).toISOString() }] })).json().items[0]
    .conversationId as string
const signIn = async (email: string, password: string) => {
  const response = await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email, password } })
  return String([response.headers['set-cookie']].flat()[0]).split(';')[0]!
}

before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
  for (const [key, name] of [['luca', 'Luca Meier'], ['mia', 'Mia Huber']] as const) {
    const email = `${key}@alpenblick.ch`
    const created = await api('POST', '/v1/agents', { name, email, password: 'front desk 2026', role: 'agent' })
    agents[key] = { id: created.json().id, cookie: '' }
  }
})
after(() => t.close())

describe('taking over from the AI agent', () => {
  it('switches mode, records who did it in the timeline, and counts as a human transfer', async () => {
    agents.luca.cookie = await signIn('luca@alpenblick.ch', 'front desk 2026')
    const id = await push(pushedMessage({ phone: '+41795551111', at: new Date(Date.now() - 2 * HOUR).toISOString() }))
    const taken = await api('PUT', `/v1/conversations/${id}/mode`, { mode: 'human' }, { cookie: agents.luca.cookie })
    assert.deepEqual(taken.json(), { mode: 'human', changed: true })
    assert.deepEqual((await api('PUT', `/v1/conversations/${id}/mode`, { mode: 'human' })).json(), { mode: 'human', changed: false })
    const [event] = (await api('GET', `/v1/conversations/${id}/events`)).json()
    assert.deepEqual([event.type, event.agent.name, event.data.mode], ['mode_changed', 'Luca Meier', 'human'])
    assert.equal(t.app.store.stats.humanTransfers({ propertyId: null, from: 0, to: Date.now() + 1 }), 1)
    assert.equal((await api('PUT', `/v1/conversations/${id}/mode`, { mode: 'robot' })).statusCode, 400)
  })
})

describe('assignment, the queue and notifications', () => {
  let conversation: string

  it('assigns a conversation; the assignee is notified and finds it under Mine', async () => {
    conversation = await push(pushedMessage({ phone: '+41795552222', at: new Date(Date.now() - HOUR).toISOString() }))
    assert.equal((await api('PUT', `/v1/conversations/${conversation}/assignee`, { agentId: agents.luca.id })).statusCode, 204)
    const mine = (await api('GET', '/v1/conversations?assignee=me', undefined, { cookie: agents.luca.cookie })).json().items
    assert.deepEqual(mine.map((c: { id: string }) => c.id), [conversation])
    const notifications = (await api('GET', '/v1/notifications', undefined, { cookie: agents.luca.cookie })).json()
    assert.equal(notifications.unread, 1)
    assert.equal(notifications.items[0].kind, 'assigned')
    assert.equal(notifications.items[0].conversationId, conversation)
    await api('POST', '/v1/notifications/read', undefined, { cookie: agents.luca.cookie })
    assert.equal((await api('GET', '/v1/notifications', undefined, { cookie: agents.luca.cookie })).json().unread, 0)
    assert.equal((await api('GET', '/v1/notifications')).statusCode, 400, 'a token has no notification centre')
  })

  it('refuses an assignee that is no active agent', async () => {
    assert.equal((await api('PUT', `/v1/conversations/${conversation}/assignee`, { agentId: 'agt_nobody' })).statusCode, 400)
    assert.equal((await api('PUT', `/v1/conversations/${conversation}/assignee`, { agentId: null })).statusCode, 204)
  })

  it('routes queued conversations round-robin to signed-in agents, and holds them while nobody is', async () => {
    await api('POST', '/v1/channel-accounts', { channel: 'web_chat', code: 'site', name: 'Website' })
    const call = async (sn: string) => (await api('POST', '/api/onsite-account/site/text-call', { identifier_type: 'onsite_contact_sn', identifier: sn, message: 'Please call me back', should_enter_queue: true })).json().data.conversation_id as string
    // Only Luca is signed in.
    const first = await call('Q-1')
    const second = await call('Q-2')
    assert.equal(t.app.store.conversations.get(first)!.assignedAgentId, agents.luca.id)
    assert.equal(t.app.store.conversations.get(second)!.assignedAgentId, agents.luca.id)
    agents.mia.cookie = await signIn('mia@alpenblick.ch', 'front desk 2026')
    const third = await call('Q-3')
    const fourth = await call('Q-4')
    assert.deepEqual(
      [third, fourth].map((id) => t.app.store.conversations.get(id)!.assignedAgentId).sort(),
      [agents.luca.id, agents.mia.id].sort(),
      'one each, in turn',
    )
    assert.equal(t.app.store.conversations.get(third)!.mode, 'human', 'the queue is the way to a person')

    // Nobody signed in: it waits in the queue, then goes to the next agent who signs in.
    for (const cookie of [agents.luca.cookie, agents.mia.cookie]) await t.app.inject({ method: 'DELETE', url: '/v1/session', headers: { cookie } })
    const waiting = await call('Q-5')
    assert.equal(t.app.store.conversations.get(waiting)!.assignedAgentId, null)
    const queue = (await api('GET', '/v1/conversations?queued=true')).json().items.map((c: { id: string }) => c.id)
    assert.ok(queue.includes(waiting))
    agents.mia.cookie = await signIn('mia@alpenblick.ch', 'front desk 2026')
    assert.equal(t.app.store.conversations.get(waiting)!.assignedAgentId, agents.mia.id)
  })
})

describe('leads', () => {
  let conversation: string
  let leadId: string

  it('are marked from a conversation once, shown on it, and listed', async () => {
    conversation = await push(pushedMessage({ email: 'future.guest@example.com', text: 'What would a week in July cost?', at: new Date(Date.now() - HOUR).toISOString() }))
    const marked = await api('POST', `/v1/conversations/${conversation}/lead`, undefined, { cookie: agents.mia.cookie })
    assert.equal(marked.statusCode, 201)
    leadId = marked.json().id
    assert.equal(marked.json().status, 'new')
    assert.equal((await api('POST', `/v1/conversations/${conversation}/lead`)).statusCode, 200)
    assert.equal((await api('GET', `/v1/conversations/${conversation}`)).json().lead.id, leadId)
    const events = (await api('GET', `/v1/conversations/${conversation}/events`)).json()
    assert.deepEqual(
      events.map((event: { type: string; agent: { name: string } | null; data: unknown }) => [event.type, event.agent?.name, event.data]),
      [['lead_captured', 'Mia Huber', { leadId }]],
      'marked twice, captured once: one timeline event',
    )
  })

  it('are captured, or move along, together with their timeline event or not at all', async () => {
    const other = await push(pushedMessage({ email: 'undecided@example.com', text: 'Any offers in May?', at: new Date(Date.now() - HOUR).toISOString() }))
    const db = t.app.store.db
    const count = (table: 'leads' | 'conversation_events') => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE conversation_id = ?`).get(other) as { n: number }).n
    // The database refuses the timeline event, after the lead is written in the same transaction.
    db.exec(`CREATE TEMP TRIGGER refuse_timeline BEFORE INSERT ON conversation_events BEGIN SELECT RAISE(ABORT, 'timeline refused'); END`)
    try {
      assert.equal((await api('POST', `/v1/conversations/${other}/lead`)).statusCode, 500)
      assert.deepEqual([count('leads'), count('conversation_events')], [0, 0])
      assert.equal((await api('GET', `/v1/conversations/${other}`)).json().lead, null)
    } finally {
      db.exec('DROP TRIGGER refuse_timeline')
    }
    const lead = (await api('POST', `/v1/conversations/${other}/lead`)).json()
    assert.deepEqual([count('leads'), count('conversation_events')], [1, 1])

    db.exec(`CREATE TEMP TRIGGER refuse_timeline BEFORE INSERT ON conversation_events BEGIN SELECT RAISE(ABORT, 'timeline refused'); END`)
    try {
      assert.equal((await api('PATCH', `/v1/leads/${lead.id}`, { status: 'contacted' })).statusCode, 500)
    } finally {
      db.exec('DROP TRIGGER refuse_timeline')
    }
    assert.equal((await api('GET', '/v1/leads')).json().find((l: { id: string }) => l.id === lead.id).status, 'new')
    assert.equal(count('conversation_events'), 1)
    assert.equal((await api('PATCH', `/v1/leads/${lead.id}`, { notes: 'Only notes' })).statusCode, 200)
    assert.equal((await api('PATCH', `/v1/leads/${lead.id}`, { status: 'contacted' })).statusCode, 200)
    assert.deepEqual((await api('GET', `/v1/conversations/${other}/events`)).json().map((event: { type: string; data: unknown }) => [event.type, event.data]), [
      ['lead_captured', { leadId: lead.id }],
      ['lead_status', { status: 'contacted' }],
    ])
  })

  it('move through their pipeline with notes, filterable by status', async () => {
    const updated = await api('PATCH', `/v1/leads/${leadId}`, { status: 'follow_up', notes: 'Call back on Monday' })
    assert.deepEqual([updated.json().status, updated.json().notes], ['follow_up', 'Call back on Monday'])
    assert.deepEqual((await api('GET', '/v1/leads?status=follow_up')).json().map((l: { id: string }) => l.id), [leadId])
    assert.deepEqual((await api('GET', '/v1/leads?status=new')).json(), [])
    assert.equal((await api('PATCH', `/v1/leads/${leadId}`, { status: 'maybe' })).statusCode, 400)
    assert.equal((await api('PATCH', '/v1/leads/lead_nope', { status: 'lost' })).statusCode, 404)
  })

  it('convert when a reservation links to the lead\'s guest, recording the reservation', async () => {
    const booked = await api('POST', '/v1/reservations', {
      confirmationNumber: 'JUL-7',
      guest: { firstName: 'Future', lastName: 'Guest', email: 'future.guest@example.com' },
      arrival: '2030-07-01',
      departure: '2030-07-08',
    })
    const lead = (await api('GET', '/v1/leads')).json().find((l: { id: string }) => l.id === leadId)
    assert.deepEqual([lead.status, lead.reservationId, lead.guestName], ['converted', booked.json().reservation.id, 'Future Guest'])
  })
})

describe('templates', () => {
  let welcome: string
  let approved: string
  let pending: string

  before(async () => {
    welcome = (await api('POST', '/v1/templates', { name: 'Welcome', shortcut: 'welcome', body: 'Hi {{guest.firstName|there}}, welcome to {{property.name}}! You arrive on {{reservation.arrival}}.' })).json().id
    approved = (await api('POST', '/v1/templates', { name: 'Follow-up', shortcut: 'followup', body: 'Hello again from {{property.name}}.', channel: 'whatsapp', approval: 'approved' })).json().id
    pending = (await api('POST', '/v1/templates', { name: 'Promo', shortcut: 'promo', body: 'A spa offer for you.', channel: 'whatsapp', approval: 'pending' })).json().id
  })

  it('are managed by admins, with unique shortcuts, and list the variables they use', async () => {
    const list = (await api('GET', '/v1/templates')).json()
    assert.deepEqual(list.map((tpl: { shortcut: string }) => tpl.shortcut), ['followup', 'promo', 'welcome'])
    assert.deepEqual(list.find((tpl: { id: string }) => tpl.id === welcome).variables, ['guest.firstName', 'property.name', 'reservation.arrival'])
    assert.equal((await api('POST', '/v1/templates', { name: 'Again', shortcut: 'welcome', body: 'x' })).statusCode, 400)
    assert.equal((await api('POST', '/v1/templates', { name: 'Bad', shortcut: 'Has Space', body: 'x' })).statusCode, 400)
    assert.equal((await api('POST', '/v1/templates', { name: 'X', shortcut: 'x', body: 'x' }, { cookie: agents.mia.cookie })).statusCode, 403)
    assert.equal((await api('PATCH', `/v1/templates/${pending}`, { name: 'Spa promo' })).json().name, 'Spa promo')
  })

  it('fill in for a conversation, reporting what it lacks', async () => {
    const id = await push(pushedMessage({ phone: '+41795553333', at: new Date(Date.now() - HOUR).toISOString() }))
    await api('POST', '/v1/reservations', { confirmationNumber: 'T-1', guest: { firstName: 'Eva', phone: '+41795553333' }, arrival: '2030-05-01', departure: '2030-05-02' })
    const filled = (await api('GET', `/v1/conversations/${id}/templates/${welcome}`)).json()
    assert.deepEqual(filled, { text: 'Hi Eva, welcome to My hotel! You arrive on 2030-05-01.', missing: [] })
    const other = await push(pushedMessage({ phone: '+41795554444', at: new Date(Date.now() - HOUR).toISOString() }))
    assert.deepEqual((await api('GET', `/v1/conversations/${other}/templates/${welcome}`)).json().missing, ['reservation.arrival'])
    const sent = await api('POST', `/v1/conversations/${id}/messages`, { templateId: welcome })
    assert.equal(sent.json().content.text, 'Hi Eva, welcome to My hotel! You arrive on 2030-05-01.')
    assert.equal((await api('POST', `/v1/conversations/${other}/messages`, { templateId: welcome })).statusCode, 400)
  })

  it('are the only way to reach a WhatsApp guest after the 24 h window, if approved', async () => {
    const open = await native('whatsapp', '+41795555555', Date.now() - HOUR)
    assert.equal((await api('POST', `/v1/conversations/${open}/messages`, { text: 'Inside the window' })).statusCode, 201)
    const closed = await native('whatsapp', '+41795556666', Date.now() - 30 * HOUR)
    const free = await api('POST', `/v1/conversations/${closed}/messages`, { text: 'Outside the window' })
    assert.equal(free.statusCode, 409)
    assert.match(free.json().detail, /24 h window/)
    assert.equal((await api('POST', `/v1/conversations/${closed}/messages`, { templateId: pending })).statusCode, 409)
    assert.equal((await api('POST', `/v1/conversations/${closed}/messages`, { templateId: approved })).statusCode, 201)
  })

  it('follow the reply policy each conversation carries, evaluated when it is fetched', async () => {
    const wroteAt = Date.now() - 24 * HOUR + 60_000
    const late = await native('whatsapp', '+41795550001', wroteAt)
    const fetched = (await api('GET', `/v1/conversations/${late}`)).json()
    assert.deepEqual(fetched.replyPolicy, {
      canReply: true,
      templatesOnly: false,
      reason: 'window-open',
      windowEndsAt: new Date(wroteAt + 24 * HOUR).toISOString(),
      afterWindow: { canReply: true, templatesOnly: true, reason: 'window-closed-templates-only' },
    })
    const listed = (await api('GET', '/v1/conversations?limit=100')).json().items.find((c: { id: string }) => c.id === late)
    assert.deepEqual(listed.replyPolicy, fetched.replyPolicy)
    const expired = await native('instagram', '+41795550002', Date.now() - 30 * HOUR)
    const closed = (await api('GET', `/v1/conversations/${expired}`)).json().replyPolicy
    assert.deepEqual(closed, { canReply: false, templatesOnly: false, reason: 'window-closed', windowEndsAt: null, afterWindow: { canReply: false, templatesOnly: false, reason: 'window-closed' } })
    assert.equal((await api('POST', `/v1/conversations/${expired}/messages`, { text: 'Hello?' })).json().detail, 'the 24 h window of this instagram conversation has closed: the guest must write first')
  })

  it('close nothing on web chat, and everything on Messenger and Instagram after the window', async () => {
    const web = await native('web_chat', '+41795557777', Date.now() - 30 * HOUR)
    assert.equal((await api('POST', `/v1/conversations/${web}/messages`, { text: 'Still here' })).statusCode, 201)
    const messenger = await native('facebook', '+41795558888', Date.now() - 30 * HOUR)
    assert.equal((await api('POST', `/v1/conversations/${messenger}/messages`, { text: 'Hello?' })).statusCode, 409)
    assert.equal((await api('POST', `/v1/conversations/${messenger}/messages`, { templateId: approved })).statusCode, 409)
  })
})

describe('the knowledge base and the LLM settings', () => {
  it('is edited by admins and searched as the AI agent does', async () => {
    const created = await api('POST', '/v1/knowledge', { question: 'Do you allow pets?', answer: 'Dogs are welcome for CHF 20 a night.', tags: 'dog cat pet animals' })
    assert.equal(created.statusCode, 201)
    const id = created.json().id
    assert.deepEqual((await api('GET', '/v1/knowledge?q=can%20I%20bring%20my%20dogs')).json().map((e: { id: string }) => e.id), [id])
    assert.deepEqual((await api('GET', '/v1/knowledge?q=swimming%20pool')).json(), [])
    await api('PATCH', `/v1/knowledge/${id}`, { tags: 'dog pet' })
    assert.equal((await api('GET', '/v1/knowledge')).json()[0].tags, 'dog pet')
    assert.equal((await api('POST', '/v1/knowledge', { question: 'x', answer: 'y' }, { cookie: agents.mia.cookie })).statusCode, 403)
    assert.equal((await api('DELETE', `/v1/knowledge/${id}`)).statusCode, 204)
    assert.equal((await api('DELETE', `/v1/knowledge/${id}`)).statusCode, 404)
  })

  it('keeps the LLM key to itself and refuses non-http addresses', async () => {
    assert.equal((await api('GET', '/v1/settings/llm')).json(), null)
    assert.equal((await api('PUT', '/v1/settings/llm', { baseUrl: 'file:///etc', model: 'x' })).statusCode, 400)
    assert.equal((await api('GET', '/v1/settings/llm', undefined, { cookie: agents.mia.cookie })).statusCode, 403)
    assert.equal((await api('PUT', '/v1/settings/llm')).statusCode, 400)
    assert.equal((await api('PUT', '/v1/settings/llm', { baseUrl: 'http://127.0.0.1:1/v1', model: 'm' })).json().hasApiKey, false)
    assert.equal((await api('DELETE', '/v1/settings/llm')).statusCode, 204)
    assert.equal((await api('GET', '/v1/settings/llm')).json(), null)
  })
})
