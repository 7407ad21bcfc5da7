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

describe('an entry in several phrasings and languages', () => {
  it('keeps more ways guests ask it and its answer in other languages, and refuses malformed ones with a clear error', async () => {
    const created = await api('POST', '/v1/knowledge', {
      question: 'Where can I park?',
      answer: 'Our garage is on level -1, CHF 25 a night.',
      phrasings: ['Is there parking?', 'Wo kann ich parken?', '¿Dónde puedo aparcar?'],
      answers: { de: 'Unsere Garage ist auf Ebene -1, CHF 25 pro Nacht.', es: 'Nuestro garaje está en la planta -1, 25 CHF por noche.' },
    })
    assert.equal(created.statusCode, 201)
    const entry = created.json()
    assert.deepEqual(entry.phrasings, ['Is there parking?', 'Wo kann ich parken?', '¿Dónde puedo aparcar?'])
    assert.equal(entry.answers.de, 'Unsere Garage ist auf Ebene -1, CHF 25 pro Nacht.')

    const changed = await api('PATCH', `/v1/knowledge/${entry.id}`, { answers: { fr: 'Notre garage est au niveau -1, 25 CHF la nuit.' } })
    assert.deepEqual(changed.json().answers, { fr: 'Notre garage est au niveau -1, 25 CHF la nuit.' })
    assert.deepEqual((await api('GET', '/v1/knowledge')).json().find((e: { id: string }) => e.id === entry.id).phrasings, entry.phrasings)

    for (const bad of [{ phrasings: ['  '] }, { phrasings: 'parking' }, { answers: { German: 'Garage' } }, { answers: { de: '' } }]) {
      const refused = await api('PATCH', `/v1/knowledge/${entry.id}`, bad)
      assert.equal(refused.statusCode, 400, JSON.stringify(bad))
      assert.match(refused.json().detail, /phrasings|answers/)
    }
    assert.equal((await api('DELETE', `/v1/knowledge/${entry.id}`)).statusCode, 204)
  })
})
