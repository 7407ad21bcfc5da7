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

describe('the knowledge base', () => {
  it('is edited by admins and searched as the AI agent does', async () => {
    const created = await api('POST', '/v1/knowledge', {
      question: 'Do you allow pets?',
      answer: 'Dogs are welcome for CHF 20 a night.',
      tags: 'dog cat pet animals',
    })
    assert.equal(created.statusCode, 201)
    const id = created.json().id
    assert.deepEqual(
      (await api('GET', '/v1/knowledge?q=can%20I%20bring%20my%20dogs')).json().map((e: { id: string }) => e.id),
      [id],
    )
    assert.deepEqual((await api('GET', '/v1/knowledge?q=swimming%20pool')).json(), [])
    await api('PATCH', `/v1/knowledge/${id}`, { tags: 'dog pet' })
    assert.equal((await api('GET', '/v1/knowledge')).json()[0].tags, 'dog pet')
    assert.equal((await api('POST', '/v1/knowledge', { question: 'x', answer: 'y' }, { cookie: agents.mia.cookie })).statusCode, 403)
    assert.equal((await api('DELETE', `/v1/knowledge/${id}`)).statusCode, 204)
    assert.equal((await api('DELETE', `/v1/knowledge/${id}`)).statusCode, 404)
  })
})
