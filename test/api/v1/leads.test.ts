import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { AGENT_PASSWORD, startDeskWithAgents, type DeskWithAgents } from '../../support/desk-with-agents.js'
import { pushedMessage } from '../../support/test-app.js'

const HOUR = 3600_000
let desk: DeskWithAgents
let api: DeskWithAgents['api']
let push: DeskWithAgents['push']
let agents: DeskWithAgents['agents']

before(async () => {
  desk = await startDeskWithAgents()
  api = desk.api
  push = desk.push
  agents = desk.agents
  agents.mia.cookie = await desk.signIn('mia@alpenblick.ch', AGENT_PASSWORD)
})
after(() => desk.t.close())

describe('leads', () => {
  let conversation: string
  let leadId: string

  it('are marked from a conversation once, shown on it, and listed', async () => {
    conversation = await push(
      pushedMessage({ email: 'future.guest@example.com', text: 'What would a week in July cost?', at: new Date(Date.now() - HOUR).toISOString() }),
    )
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
    const db = desk.t.db
    const count = (table: 'leads' | 'conversation_events') =>
      (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE conversation_id = ?`).get(other) as { n: number }).n
    // The database refuses the timeline event, after the lead is written in the same transaction (a trigger made
    // on a connection of the test's own: not TEMP, so the server's connection sees it).
    db.exec(`CREATE TRIGGER refuse_timeline BEFORE INSERT ON conversation_events BEGIN SELECT RAISE(ABORT, 'timeline refused'); END`)
    try {
      assert.equal((await api('POST', `/v1/conversations/${other}/lead`)).statusCode, 500)
      assert.deepEqual([count('leads'), count('conversation_events')], [0, 0])
      assert.equal((await api('GET', `/v1/conversations/${other}`)).json().lead, null)
    } finally {
      db.exec('DROP TRIGGER refuse_timeline')
    }
    const lead = (await api('POST', `/v1/conversations/${other}/lead`)).json()
    assert.deepEqual([count('leads'), count('conversation_events')], [1, 1])

    db.exec(`CREATE TRIGGER refuse_timeline BEFORE INSERT ON conversation_events BEGIN SELECT RAISE(ABORT, 'timeline refused'); END`)
    try {
      assert.equal((await api('PATCH', `/v1/leads/${lead.id}`, { status: 'contacted' })).statusCode, 500)
    } finally {
      db.exec('DROP TRIGGER refuse_timeline')
    }
    assert.equal((await api('GET', '/v1/leads')).json().find((l: { id: string }) => l.id === lead.id).status, 'new')
    assert.equal(count('conversation_events'), 1)
    assert.equal((await api('PATCH', `/v1/leads/${lead.id}`, { notes: 'Only notes' })).statusCode, 200)
    assert.equal((await api('PATCH', `/v1/leads/${lead.id}`, { status: 'contacted' })).statusCode, 200)
    assert.deepEqual(
      (await api('GET', `/v1/conversations/${other}/events`)).json().map((event: { type: string; data: unknown }) => [event.type, event.data]),
      [
        ['lead_captured', { leadId: lead.id }],
        ['lead_status', { status: 'contacted' }],
      ],
    )
  })

  it('move through their pipeline with notes, filterable by status', async () => {
    const updated = await api('PATCH', `/v1/leads/${leadId}`, { status: 'follow_up', notes: 'Call back on Monday' })
    assert.deepEqual([updated.json().status, updated.json().notes], ['follow_up', 'Call back on Monday'])
    assert.deepEqual(
      (await api('GET', '/v1/leads?status=follow_up')).json().map((l: { id: string }) => l.id),
      [leadId],
    )
    assert.deepEqual((await api('GET', '/v1/leads?status=new')).json(), [])
    assert.equal((await api('PATCH', `/v1/leads/${leadId}`, { status: 'maybe' })).statusCode, 400)
    assert.equal((await api('PATCH', '/v1/leads/lead_nope', { status: 'lost' })).statusCode, 404)
  })

  it("convert when a reservation links to the lead's guest, recording the reservation", async () => {
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
