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
    conversation = await push(pushedMessage({ email: 'future.guest@example.com', text: 'What would a week in July cost?', at: new Date(Date.now() - HOUR).toISOString() }))
    const marked = await api('POST', `/v1/conversations/${conversation}/lead`, undefined, { cookie: agents.mia.cookie })
    assert.equal(marked.statusCode, 201)
    leadId = marked.json().id
    assert.equal(marked.json().status, 'new')
    assert.equal((await api('POST', `/v1/conversations/${conversation}/lead`)).statusCode, 200)
    assert.equal((await api('GET', `/v1/conversations/${conversation}`)).json().lead.id, leadId)
    const events = (await api('GET', `/v1/conversations/${conversation}/events`)).json()
    assert.equal(events.at(-1).type, 'lead_captured')
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
