import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../support/test-app.js'

// Optional semantic retrieval: a property's embeddings endpoint (a stand-in model on 127.0.0.1 here)
// confirms the lexical match or finds a suggestion where the words found nothing; its failure
// changes nothing; entries are embedded once, and again only when they change.
let t: TestApp
let admin: string
let model: Server
let modelUrl: string
let parkingId: string
let modelDown = false
const requests: string[][] = []

/** The stand-in model: one dimension per topic it knows words of, so texts on one topic point one way. */
const TOPICS = [/park|car\b|garage|vespa|campervan|vehicle|motorbike/i, /pet|dog|cat\b/i, /breakfast/i]
const vectorOf = (text: string) => [...TOPICS.map((topic) => (topic.test(text) ? 1 : 0)), 0.05]

let phones = 0
const guestSays = async (text: string) => {
  const response = await t.app.inject({
    method: 'POST',
    url: PUSH_URL,
    headers: bearer(admin),
    payload: { messages: [pushedMessage({ phone: `+4179444${String(1000 + phones++)}`, text })] },
  })
  assert.equal(response.statusCode, 201, response.body)
  await t.app.aiAgent.idle()
  return response.json()[0].conversationId as string
}
const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(admin), ...(payload && { payload }) })
const outcome = async (chat: string) => {
  const conversation = (await api('GET', `/v1/conversations/${chat}`)).json()
  const suggestion = (await api('GET', `/v1/conversations/${chat}/suggestion`)).json()
  const [last] = (await api('GET', `/v1/conversations/${chat}/messages?limit=5`)).json().items
  return { mode: conversation.mode as string, suggested: suggestion?.entryId ?? null, said: last.content.text as string }
}

before(async () => {
  model = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const { input } = JSON.parse(body) as { input: string[] }
      requests.push(input)
      if (modelDown) return void response.writeHead(503).end()
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ data: input.map((text, index) => ({ index, embedding: vectorOf(text) })) }))
    })
  })
  await new Promise<void>((resolve) => model.listen(0, '127.0.0.1', resolve))
  modelUrl = `http://127.0.0.1:${(model.address() as AddressInfo).port}/v1`
  t = await startTestApp()
  admin = t.token(['admin'])
  parkingId = (
    await api('POST', '/v1/knowledge', {
      question: 'Is there parking at the hotel?',
      answer: 'Yes: our garage has 40 spaces at CHF 20 a night.',
      tags: 'car garage parking',
    })
  ).json().id
  await api('POST', '/v1/knowledge', { question: 'Are pets allowed?', answer: 'Dogs are welcome for CHF 15 a night.', tags: 'dog pets' })
  await api('POST', '/v1/knowledge', { question: 'When is breakfast served?', answer: 'From 6:30 to 10:30.', tags: 'breakfast' })
})
after(async () => {
  await t.close()
  await new Promise<void>((resolve) => model.close(() => resolve()))
})

describe('semantic retrieval beside the lexical one', () => {
  it('is off until a property configures an endpoint: a question the words do not place is handed over', async () => {
    const chat = await guestSays('is there somewhere for my vespa?')
    assert.deepEqual((await outcome(chat)).suggested, null)
    assert.equal(requests.length, 0)
  })

  it("finds a suggestion for staff where the words found nothing, and keeps the endpoint's key to itself", async () => {
    const saved = await api('PUT', '/v1/settings/agent', { embeddings: { baseUrl: modelUrl, model: 'stand-in', apiKey: 'secret-key' } })
    assert.equal(saved.statusCode, 200, saved.body)
    assert.deepEqual(saved.json().embeddings, { baseUrl: modelUrl, model: 'stand-in', hasApiKey: true })
    assert.doesNotMatch(saved.body, /secret-key/)
    // Saved again without the key (the settings page never has it): the key is kept.
    const again = await api('PUT', '/v1/settings/agent', { embeddings: { baseUrl: modelUrl, model: 'stand-in' } })
    assert.equal(again.json().embeddings.hasApiKey, true)

    const chat = await guestSays('is there somewhere for my vespa?')
    const { mode, suggested } = await outcome(chat)
    assert.deepEqual([mode, suggested], ['human', parkingId], 'a suggestion, never an answer on the model alone')
    assert.equal(requests[0]!.length, 3, 'the three entries, embedded in one request')
    assert.deepEqual(requests[1], ['is there somewhere for my vespa?'])
  })

  it('turns a lexical maybe into an answer when the model clearly agrees', async () => {
    const chat = await guestSays('is there parking for my campervan?')
    const { mode, said } = await outcome(chat)
    assert.deepEqual([mode, said], ['ai', 'Yes: our garage has 40 spaces at CHF 20 a night.'])
  })

  it('embeds entries once, and again only the one that changed', async () => {
    const before = requests.length
    await guestSays('when is breakfast?')
    assert.deepEqual(requests.slice(before), [['when is breakfast?']])
    await api('PATCH', `/v1/knowledge/${parkingId}`, { phrasings: ['Where can I leave my motorbike?'] })
    const edited = requests.length
    await guestSays('are dogs allowed?')
    assert.deepEqual(requests.slice(edited), [['Is there parking at the hotel?\nWhere can I leave my motorbike?'], ['are dogs allowed?']])
  })

  it('changes nothing when the endpoint fails: the lexical answer stands, and the failure is on record', async () => {
    modelDown = true
    const sure = await guestSays('are pets allowed?')
    assert.equal((await outcome(sure)).said, 'Dogs are welcome for CHF 15 a night.')
    const unsure = await guestSays('is there somewhere for my vespa?')
    assert.equal((await outcome(unsure)).suggested, null)
    const health = (await api('GET', '/v1/health')).json()
    assert.match(JSON.stringify(health), /embeddings provider failed/)
    modelDown = false
  })
})
