import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { AGENT_PASSWORD, startDeskWithAgents, type DeskWithAgents } from '../../support/desk-with-agents.js'
import { pushedMessage, type TestApp } from '../../support/test-app.js'

const HOUR = 3600_000
let desk: DeskWithAgents
let t: TestApp
let api: DeskWithAgents['api']
let push: DeskWithAgents['push']
let signIn: DeskWithAgents['signIn']
let agents: DeskWithAgents['agents']

before(async () => {
  desk = await startDeskWithAgents()
  t = desk.t
  api = desk.api
  push = desk.push
  signIn = desk.signIn
  agents = desk.agents
  agents.luca.cookie = await desk.signIn('luca@alpenblick.ch', AGENT_PASSWORD)
})
after(() => desk.t.close())

describe('assignment, the queue and notifications', () => {
  let conversation: string

  it('assigns a conversation; the assignee is notified and finds it under Mine', async () => {
    conversation = await push(pushedMessage({ phone: '+41795552222', at: new Date(Date.now() - HOUR).toISOString() }))
    assert.equal((await api('PUT', `/v1/conversations/${conversation}/assignee`, { agentId: agents.luca.id })).statusCode, 204)
    const mine = (await api('GET', '/v1/conversations?assignee=me', undefined, { cookie: agents.luca.cookie })).json().items
    assert.deepEqual(
      mine.map((c: { id: string }) => c.id),
      [conversation],
    )
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
    const call = async (sn: string) =>
      (
        await api('POST', '/api/onsite-account/site/text-call', {
          identifier_type: 'onsite_contact_sn',
          identifier: sn,
          message: 'Please call me back',
          should_enter_queue: true,
        })
      ).json().data.conversation_id as string
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
