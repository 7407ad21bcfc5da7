import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../support/test-app.js'

// Work no request waits for — the AI agent's answers, delivery — fails where nobody sees it unless
// it is logged and shown: in the log (with the conversation and message), in /v1/health.

interface LogLine {
  level: number
  service?: string
  msg: string
  conversationId?: string
  messageId?: string
  err?: { message: string }
}
interface BackgroundEntry {
  worker: string
  failures: number
  lastAt: string
  reason: string
  detail: string
}

const WARN = 40
const ERROR = 50

/** A local HTTP endpoint that fails the way it is told: a status, or a connection closed without an answer. */
async function failingEndpoint() {
  let mode: { status: number } | 'close' = { status: 500 }
  const server: Server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      if (mode === 'close') request.socket.destroy()
      else response.writeHead(mode.status).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    fail(next: { status: number } | 'close') {
      mode = next
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function startWithLog(config: Parameters<typeof startTestApp>[0] = {}) {
  const lines: LogLine[] = []
  const t = await startTestApp({ ...config, logger: { level: 'warn', stream: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) } } })
  return { t, lines }
}

const waitFor = async (check: () => boolean, what: string, ms = 5000) => {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const backgroundOf = async (t: TestApp, headers: Record<string, string> = {}) => {
  const response = await t.app.inject({ url: '/v1/health', headers })
  assert.equal(response.statusCode, 200)
  return response.json().background as BackgroundEntry[]
}

describe('a failing LLM provider', () => {
  let t: TestApp
  let lines: LogLine[]
  let admin: string
  let llm: Awaited<ReturnType<typeof failingEndpoint>>

  before(async () => {
    ;({ t, lines } = await startWithLog())
    admin = t.token(['admin'])
    llm = await failingEndpoint()
    const knowledge = await t.app.inject({
      method: 'POST',
      url: '/v1/knowledge',
      headers: bearer(admin),
      payload: { question: 'Is there parking?', answer: 'Yes, our garage has 40 spaces.', tags: 'car garage parking' },
    })
    assert.equal(knowledge.statusCode, 201, knowledge.body)
    const set = await t.app.inject({ method: 'PUT', url: '/v1/settings/llm', headers: bearer(admin), payload: { baseUrl: `${llm.url}/v1`, model: 'local-7b' } })
    assert.equal(set.statusCode, 200, set.body)
  })
  after(async () => {
    await t.close()
    await llm.stop()
  })

  const guestAsks = async (phone: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: PUSH_URL,
      headers: bearer(admin),
      payload: { messages: [pushedMessage({ phone, text: 'Do you have parking?' })] },
    })
    assert.equal(response.statusCode, 201, response.body)
    await t.app.aiAgent.idle()
    return response.json()[0] as { conversationId: string; messageId: string }
  }

  it('is healthy before anything failed', async () => {
    assert.deepEqual(await backgroundOf(t, bearer(admin)), [])
  })

  it('answering 500: the guest gets the built-in answer; the failure is logged with the conversation and message', async () => {
    llm.fail({ status: 500 })
    const asked = await guestAsks('+41795550101')
    const messages = (await t.app.inject({ url: `/v1/conversations/${asked.conversationId}/messages`, headers: bearer(admin) })).json().items
    assert.equal(messages[0].content.text, 'Yes, our garage has 40 spaces.', 'the built-in answer stands')

    const logged = lines.filter((line) => line.service === 'ai-agent')
    assert.equal(logged.length, 1, JSON.stringify(lines))
    assert.equal(logged[0]!.level, WARN)
    assert.equal(logged[0]!.msg, 'the LLM provider failed; the built-in answer was sent')
    assert.equal(logged[0]!.conversationId, asked.conversationId)
    assert.equal(logged[0]!.messageId, asked.messageId)
    assert.equal(logged[0]!.err?.message, 'the LLM provider answered 500')
  })

  it('closing the connection: logged too, and /v1/health lists the AI agent with its latest failure — the detail only with a credential', async () => {
    llm.fail('close')
    const asked = await guestAsks('+41795550102')
    assert.equal(lines.filter((line) => line.service === 'ai-agent').length, 2)

    const [entry, ...others] = await backgroundOf(t, bearer(t.token(['guest.conversation.read'])))
    assert.deepEqual(others, [])
    assert.equal(entry!.worker, 'ai-agent')
    assert.equal(entry!.failures, 2)
    assert.equal(entry!.reason, 'the LLM provider failed; the built-in answer was sent')
    assert.match(entry!.detail, new RegExp(`^conversation ${asked.conversationId}, message ${asked.messageId}: fetch failed`))
    assert.ok(Date.now() - Date.parse(entry!.lastAt) < 60_000)

    const [anonymous] = await backgroundOf(t)
    assert.deepEqual(anonymous, { ...entry, detail: 'send a token (or sign in) for the details' })
    const health = (await t.app.inject({ url: '/v1/health' })).json()
    assert.equal(health.status, 'ok', 'background failures do not make the storage degraded')
  })
})

describe('a failing channel webhook', () => {
  let t: TestApp
  let lines: LogLine[]
  let admin: string
  let hook: Awaited<ReturnType<typeof failingEndpoint>>

  before(async () => {
    hook = await failingEndpoint()
    ;({ t, lines } = await startWithLog({ delivery: { retryBaseMs: 10, maxDelayMs: 20, maxAttempts: 2 } }))
    admin = t.token(['admin'])
    const account = await t.app.inject({
      method: 'POST',
      url: '/v1/channel-accounts',
      headers: bearer(admin),
      payload: { channel: 'whatsapp', code: 'wa', name: 'WhatsApp Business', webhookUrl: `${hook.url}/hook` },
    })
    assert.equal(account.statusCode, 201, account.body)
  })
  after(async () => {
    await t.close()
    await hook.stop()
  })

  it('each failed attempt is logged with the message; giving up is an error; /v1/health shows the delivery failure to a credential only', async () => {
    hook.fail({ status: 200 })
    const pushed = await t.app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: bearer(admin),
      payload: {
        messages: [
          {
            channel: 'whatsapp',
            guest: { phone: '+41795557777' },
            direction: 'in',
            content: { type: 'text', text: 'Hi' },
            createdAt: new Date().toISOString(),
          },
        ],
      },
    })
    assert.equal(pushed.statusCode, 201, pushed.body)
    const conversationId = pushed.json().items[0].conversationId as string
    await t.app.aiAgent.idle()
    // The agent hands the guest over with a message of its own: delivered while the webhook still works.
    const handover = t.app.store.messages.pageNewestFirst(conversationId, 1)[0]!
    assert.equal(handover.direction, 'out')
    await waitFor(() => t.app.store.messages.get(handover.id)!.status === 'sent', 'the handover message to be delivered')
    hook.fail({ status: 500 })
    await t.app.inject({ method: 'PUT', url: `/v1/conversations/${conversationId}/mode`, headers: bearer(admin), payload: { mode: 'human' } })
    const sent = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${conversationId}/messages`,
      headers: bearer(admin),
      payload: { text: 'Welcome!' },
    })
    assert.equal(sent.statusCode, 201, sent.body)
    const messageId = sent.json().id as string
    await waitFor(() => t.app.store.messages.get(messageId)!.status === 'failed', 'the reply to fail')

    const logged = lines.filter((line) => line.service === 'delivery')
    assert.deepEqual(
      logged.map((line) => [line.level, line.msg, line.messageId, line.conversationId, line.err]),
      [
        [WARN, 'could not deliver a reply; will try again', messageId, conversationId, 'the webhook answered 500'],
        [ERROR, 'gave up delivering a reply after 2 attempts', messageId, conversationId, 'the webhook answered 500'],
      ],
    )

    const staff = await backgroundOf(t, bearer(admin))
    const delivery = staff.find((entry) => entry.worker === 'delivery')
    assert.ok(delivery, JSON.stringify(staff))
    assert.equal(delivery.failures, 2)
    assert.equal(delivery.reason, 'gave up delivering a reply after 2 attempts')
    assert.equal(delivery.detail, `conversation ${conversationId}, message ${messageId}: the webhook answered 500`)
    const anonymous = (await backgroundOf(t)).find((entry) => entry.worker === 'delivery')
    assert.equal(anonymous?.detail, 'send a token (or sign in) for the details')
    assert.equal(anonymous?.reason, delivery.reason)
  })
})
