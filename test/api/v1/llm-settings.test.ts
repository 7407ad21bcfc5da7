import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { AGENT_PASSWORD, startDeskWithAgents, type DeskWithAgents } from '../../support/desk-with-agents.js'

let desk: DeskWithAgents
let api: DeskWithAgents['api']
let agents: DeskWithAgents['agents']

before(async () => {
  desk = await startDeskWithAgents()
  api = desk.api
  agents = desk.agents
  agents.mia.cookie = await desk.signIn('mia@alpenblick.ch', AGENT_PASSWORD)
})
after(() => desk.t.close())

describe('the LLM settings', () => {
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
