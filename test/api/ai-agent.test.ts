import assert from 'node:assert/strict'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { buildServer } from '../../local-api/server.js'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../support/test-app.js'

let t: TestApp
let admin: string
let agentId: string

const guestSays = async (text: string, phone = '+41795551234', platform: 'WEBSITE_CHAT' | 'PHONE_CALL' = 'WEBSITE_CHAT', at = new Date().toISOString()) => {
  const response = await t.app.inject({
    method: 'POST',
    url: PUSH_URL,
    headers: bearer(admin),
    payload: { messages: [pushedMessage({ phone, text, platform, at })] },
  })
  assert.equal(response.statusCode, 201, response.body)
  await t.app.aiAgent.idle()
  return response.json()[0].conversationId as string
}
const messagesOf = async (conversationId: string) =>
  (await t.app.inject({ url: `/v1/conversations/${conversationId}/messages?limit=100`, headers: bearer(admin) })).json().items as {
    direction: string
    content: { text: string }
    sender: { type: string }
    agentTools: string[]
    replyLatencyMs: number | null
  }[]
const conversation = async (id: string) => (await t.app.inject({ url: `/v1/conversations/${id}`, headers: bearer(admin) })).json()

before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
  const post = async (url: string, payload: object) => {
    const response = await t.app.inject({ method: 'POST', url, headers: bearer(admin), payload })
    assert.ok(response.statusCode < 300, response.body)
    return response.json()
  }
  await t.app.inject({
    method: 'PATCH',
    url: `/v1/properties/${t.app.store.properties.first()!.id}`,
    headers: bearer(admin),
    payload: { name: 'Hotel Alpenblick' },
  })
  await post('/v1/knowledge', {
    question: 'Is there parking at the hotel?',
    answer: 'Yes, {{guest.firstName}}: our garage at {{property.name}} has 40 spaces at CHF 20 a night.',
    tags: 'car garage parking',
  })
  await post('/v1/knowledge', {
    question: 'When is breakfast served?',
    answer: 'Breakfast is served from 6:30 to 10:30 in the lake room.',
    tags: 'breakfast morning food',
  })
  agentId = (await post('/v1/agents', { name: 'Luca Meier', email: 'luca@alpenblick.ch', password: 'night shift 2026', role: 'agent' })).id
  await post('/v1/reservations', {
    confirmationNumber: 'AB-1001',
    guest: { firstName: 'Anna', lastName: 'Muster', phone: '+41795551234' },
    arrival: '2030-03-01',
    departure: '2030-03-04',
    room: '204',
  })
})
after(() => t.close())

describe('the AI agent', () => {
  let chat: string

  it('answers from the knowledge base (RAG), filling variables, and records its tool and latency', async () => {
    chat = await guestSays('Hi, do you have parking for my car?')
    const [reply] = await messagesOf(chat)
    assert.equal(reply!.direction, 'out')
    assert.equal(reply!.sender.type, 'bot')
    assert.equal(reply!.content.text, 'Yes, Anna: our garage at Hotel Alpenblick has 40 spaces at CHF 20 a night.')
    assert.deepEqual(reply!.agentTools, ['rag'])
    assert.ok(reply!.replyLatencyMs !== null && reply!.replyLatencyMs >= 0)
  })

  it("answers a question about the guest's own stay from the reservation (PMS)", async () => {
    await guestSays('When is my check-in and which room do I have? My reservation please')
    const [reply] = await messagesOf(chat)
    assert.deepEqual(reply!.agentTools, ['pms'])
    assert.match(reply!.content.text, /AB-1001/)
    assert.match(reply!.content.text, /arrival Friday, 1 March 2030, departure Monday, 4 March 2030, room 204/)
  })

  it('hands over to staff when the guest asks for a person, and tells them', async () => {
    await guestSays('Can I talk to a real person please?')
    const after = await conversation(chat)
    assert.equal(after.mode, 'human')
    const [last, asked] = await messagesOf(chat)
    assert.equal(asked!.direction, 'in')
    assert.deepEqual([last!.sender.type, last!.content.text], ['bot', "I've passed this to our front desk; a colleague will reply shortly."], 'never silence')
    const events = (await t.app.inject({ url: `/v1/conversations/${chat}/events`, headers: bearer(admin) })).json()
    assert.deepEqual([events.at(-1).type, events.at(-1).data], ['handover', { mode: 'human', reason: 'asked for a person' }])
    const notified = t.app.store.notifications.ofAgent(agentId)
    assert.ok(notified.some((n) => n.kind === 'handover' && n.conversationId === chat && /needs a person/.test(n.text)))
  })

  it('stays silent in human mode, and continues from the whole history when switched back', async () => {
    const before = (await messagesOf(chat)).length
    await guestSays('Is breakfast included?')
    assert.equal((await messagesOf(chat)).length, before + 1, 'no reply in human mode')

    const back = await t.app.inject({ method: 'PUT', url: `/v1/conversations/${chat}/mode`, headers: bearer(admin), payload: { mode: 'ai' } })
    assert.deepEqual(back.json(), { mode: 'ai', changed: true })
    await guestSays('And when is breakfast?')
    const [reply] = await messagesOf(chat)
    assert.equal(reply!.content.text, 'Breakfast is served from 6:30 to 10:30 in the lake room.')
  })

  it('hands over on complaints and when nothing relevant is found', async () => {
    const complaint = await guestSays('The room was dirty, this is unacceptable!', '+41795550001')
    assert.equal((await conversation(complaint)).mode, 'human')
    const unknown = await guestSays('Can you recommend a tailor in town?', '+41795550002')
    assert.equal((await conversation(unknown)).mode, 'human')
    const events = (await t.app.inject({ url: `/v1/conversations/${unknown}/events`, headers: bearer(admin) })).json()
    assert.equal(events.at(-1).data.reason, 'nothing relevant found')
  })

  it('leaves phone-call transcripts and old history alone', async () => {
    const call = await guestSays('Caller asked about parking', '+41795550003', 'PHONE_CALL')
    assert.equal((await messagesOf(call)).length, 1)
    assert.equal((await conversation(call)).mode, 'ai')
    const old = await guestSays('Do you have parking?', '+41795550004', 'WEBSITE_CHAT', new Date(Date.now() - 3 * 3600_000).toISOString())
    assert.equal((await messagesOf(old)).length, 1)
  })

  it('asks for an email or phone when a guest without one shows booking intent', async () => {
    await t.app.inject({ method: 'POST', url: '/v1/channel-accounts', headers: bearer(admin), payload: { channel: 'web_chat', code: 'site', name: 'Website' } })
    const call = await t.app.inject({
      method: 'POST',
      url: '/api/onsite-account/site/text-call',
      headers: bearer(admin),
      payload: { message: 'Do you have parking? And what are your prices?' },
    })
    await t.app.aiAgent.idle()
    const [reply] = await messagesOf(call.json().data.conversation_id)
    assert.equal(reply!.sender.type, 'bot')
    assert.match(reply!.content.text, /garage/)
    assert.match(reply!.content.text, /email address or phone number/)
  })

  it('keeps its mode across a restart of the server', async () => {
    const { dataDir } = t
    const id = await guestSays('Is there parking?', '+41795550005')
    await t.app.inject({ method: 'PUT', url: `/v1/conversations/${id}/mode`, headers: bearer(admin), payload: { mode: 'human' } })
    await t.app.close()
    const reopened = await buildServer({ dataDir })
    await reopened.ready()
    assert.equal(reopened.store.conversations.get(id)!.mode, 'human')
    t.app = reopened
  })
})

describe('the AI agent with an LLM provider', () => {
  let llm: Server
  const requests: { body: { model: string; messages: { role: string; content: string }[] }; authorization: string | undefined }[] = []
  let reply: 'ok' | 'fail' = 'ok'

  before(async () => {
    llm = createServer((request: IncomingMessage, response) => {
      let body = ''
      request.on('data', (chunk) => (body += chunk))
      request.on('end', () => {
        requests.push({ body: JSON.parse(body), authorization: request.headers.authorization })
        if (reply === 'fail') {
          response.writeHead(503).end()
          return
        }
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(
          JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: 'Of course! Our garage has 40 spaces (CHF 20 a night).' } }] }),
        )
      })
    })
    await new Promise<void>((resolve) => llm.listen(0, '127.0.0.1', resolve))
    const { port } = llm.address() as AddressInfo
    const set = await t.app.inject({
      method: 'PUT',
      url: '/v1/settings/llm',
      headers: bearer(admin),
      payload: { baseUrl: `http://127.0.0.1:${port}/v1`, model: 'local-7b', apiKey: 'sk-test' },
    })
    assert.deepEqual(set.json(), { baseUrl: `http://127.0.0.1:${port}/v1`, model: 'local-7b', hasApiKey: true })
  })
  after(() => new Promise<void>((resolve) => llm.close(() => resolve())))

  it('lets the model word the reply from the retrieved facts only', async () => {
    const id = await guestSays('Do you have parking?', '+41795550006')
    const [message] = await messagesOf(id)
    assert.equal(message!.content.text, 'Of course! Our garage has 40 spaces (CHF 20 a night).')
    assert.deepEqual(message!.agentTools, ['rag', 'llm'])
    const [request] = requests
    assert.equal(request!.body.model, 'local-7b')
    assert.equal(request!.authorization, 'Bearer sk-test')
    const system = request!.body.messages.find((m) => m.role === 'system')!.content
    assert.match(system, /ONLY from the facts/)
    assert.match(system, /garage at Hotel Alpenblick has 40 spaces/)
    assert.equal(request!.body.messages.find((m) => m.role === 'user')!.content, 'Do you have parking?')
  })

  it('falls back to the built-in answer when the model fails', async () => {
    reply = 'fail'
    const id = await guestSays('Do you have parking?', '+41795550007')
    const [message] = await messagesOf(id)
    assert.equal(message!.content.text, 'Yes: our garage at Hotel Alpenblick has 40 spaces at CHF 20 a night.')
    assert.deepEqual(message!.agentTools, ['rag'])
  })
})
