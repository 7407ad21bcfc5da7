import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startDeskWithAgents, type DeskWithAgents } from '../../support/desk-with-agents.js'
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
})
after(() => desk.t.close())

describe('taking over from the AI agent', () => {
  it('switches mode, records who did it in the timeline, and counts as a human transfer', async () => {
    agents.luca.cookie = await signIn('luca@alpenblick.ch', 'front desk 2026')
    const id = await push(pushedMessage({ phone: '+41795551111', at: new Date(Date.now() - 2 * HOUR).toISOString() }))
    const taken = await api('PUT', `/v1/conversations/${id}/mode`, { mode: 'human' }, { cookie: agents.luca.cookie })
    assert.deepEqual(taken.json(), { mode: 'human', changed: true })
    assert.deepEqual((await api('PUT', `/v1/conversations/${id}/mode`, { mode: 'human' })).json(), { mode: 'human', changed: false })
    const [event] = (await api('GET', `/v1/conversations/${id}/events`)).json()
    assert.deepEqual([event.type, event.agent.name, event.data.mode], ['mode_changed', 'Luca Meier', 'human'])
    assert.equal(t.app.stats.summary({ propertyId: null, from: Date.now() - 3 * HOUR, to: Date.now() + 1 }).values.humanTransfers.value, 1)
    assert.equal((await api('PUT', `/v1/conversations/${id}/mode`, { mode: 'robot' })).statusCode, 400)
  })
})
