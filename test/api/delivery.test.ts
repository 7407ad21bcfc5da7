import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { verifyWebhook } from '../../local-api/domain/webhook-signature.js'
import { buildServer } from '../../local-api/server.js'
import { eventually } from '../support/eventually.js'
import { bearer, startTestApp, type TestApp } from '../support/test-app.js'
import { createHmac } from 'node:crypto'

const SECRET = 'a-webhook-secret-of-some-length'

/** A channel's webhook receiver on 127.0.0.1: answers with `status`, verifies every signature. */
function receiver() {
  const received: { body: { message: { id: string; content: { text: string } }; to: unknown }; signatureValid: boolean }[] = []
  let status = 200
  const server: Server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const header = String(request.headers['x-frontdesk-signature'])
      // Checked with plain crypto, as an integrator would, not with the product's own helper.
      const [t, v1] = header.split(',').map((part) => part.split('=')[1])
      const expected = createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex')
      received.push({ body: JSON.parse(body), signatureValid: v1 === expected && verifyWebhook(SECRET, body, header) })
      response.writeHead(status).end()
    })
  })
  return {
    received,
    answer(next: number) {
      status = next
    },
    async start(port = 0) {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
      return (server.address() as AddressInfo).port
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

let t: TestApp
let admin: string
let hook: ReturnType<typeof receiver>
let port: number
let whatsapp: string

const messageStatus = (id: string) => t.app.store.messages.get(id)!.status

before(async () => {
  hook = receiver()
  port = await hook.start()
  t = await startTestApp({ delivery: { retryBaseMs: 20, maxDelayMs: 100, maxAttempts: 4 } })
  admin = t.token(['admin'])
  const account = await t.app.inject({
    method: 'POST',
    url: '/v1/channel-accounts',
    headers: bearer(admin),
    payload: { channel: 'whatsapp', code: 'wa', name: 'WhatsApp Business', webhookUrl: `http://127.0.0.1:${port}/hook`, webhookSecret: SECRET },
  })
  assert.equal(account.json().hasWebhookSecret, true)
  assert.equal(account.json().webhookSecret, undefined, 'the secret is never shown')
  const pushed = await t.app.inject({
    method: 'POST',
    url: '/v1/messages',
    headers: bearer(admin),
    payload: {
      messages: [
        { channel: 'whatsapp', guest: { phone: '+41795557777' }, direction: 'in', content: { type: 'text', text: 'Hi' }, createdAt: new Date().toISOString() },
      ],
    },
  })
  whatsapp = pushed.json().items[0].conversationId
  await t.app.inject({ method: 'PUT', url: `/v1/conversations/${whatsapp}/mode`, headers: bearer(admin), payload: { mode: 'human' } })
})
after(async () => {
  await t.close()
  await hook.stop()
})

const reply = (conversationId: string, text: string) =>
  t.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/messages`, headers: bearer(admin), payload: { text } })

describe('outbound delivery', () => {
  it("posts a reply to the channel account's webhook as signed JSON, and marks it sent", async () => {
    const response = await reply(whatsapp, 'Hello from the desk')
    assert.equal(response.statusCode, 201)
    const message = response.json()
    assert.equal(message.delivery.state, 'queued')
    await eventually('the reply to be sent', () => assert.equal(messageStatus(message.id), 'sent'))
    const delivered = hook.received.find((r) => r.body.message.id === message.id)!
    assert.equal(delivered.signatureValid, true)
    assert.equal(delivered.body.message.content.text, 'Hello from the desk')
    assert.deepEqual(delivered.body.to, { type: 'phone', value: '+41795557777' })
    const read = (await t.app.inject({ url: `/v1/conversations/${whatsapp}/messages`, headers: bearer(admin) })).json().items[0]
    assert.deepEqual([read.delivery.state, read.delivery.attempts], ['sent', 1])
  })

  it('retries with backoff until the receiver is back', async () => {
    hook.answer(503)
    const message = (await reply(whatsapp, 'Are you there?')).json()
    await eventually('two failed attempts', () => assert.ok((t.app.store.outbox.get(message.id)?.attempts ?? 0) >= 2))
    assert.equal(messageStatus(message.id), 'queued')
    hook.answer(200)
    await eventually('delivery once the receiver is back', () => assert.equal(messageStatus(message.id), 'sent'))
    assert.ok(t.app.store.outbox.get(message.id)!.attempts >= 3)
  })

  it('gives up after the last attempt, and staff can retry', async () => {
    hook.answer(500)
    const message = (await reply(whatsapp, 'Third try')).json()
    await eventually('the reply to fail', () => assert.equal(messageStatus(message.id), 'failed'))
    assert.equal(t.app.store.outbox.get(message.id)!.lastError, 'the webhook answered 500')
    hook.answer(200)
    const retried = await t.app.inject({ method: 'POST', url: `/v1/messages/${message.id}/retry-delivery`, headers: bearer(admin) })
    assert.equal(retried.statusCode, 202)
    await eventually('the retried reply to be sent', () => assert.equal(messageStatus(message.id), 'sent'))
    assert.equal((await t.app.inject({ method: 'POST', url: `/v1/messages/${message.id}/retry-delivery`, headers: bearer(admin) })).statusCode, 409)
  })

  it('keeps queued replies across a restart and delivers them after it', async () => {
    await hook.stop()
    const message = (await reply(whatsapp, 'Sent while the receiver is down')).json()
    await eventually('a failed attempt', () => assert.ok((t.app.store.outbox.get(message.id)?.attempts ?? 0) >= 1))
    const { dataDir } = t
    await t.app.close()
    await hook.start(port)
    t.app = await buildServer({ dataDir, delivery: { retryBaseMs: 20, maxDelayMs: 100, maxAttempts: 4 } })
    await t.app.ready()
    await eventually('delivery after the restart', () => assert.equal(messageStatus(message.id), 'sent'))
    assert.ok(hook.received.some((r) => r.body.message.id === message.id && r.signatureValid))
  })

  it('records a reply with no channel webhook as not deliverable, and says so', async () => {
    const pushed = await t.app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: bearer(admin),
      payload: {
        messages: [
          {
            channel: 'instagram',
            guest: { email: 'ig@example.com' },
            direction: 'in',
            content: { type: 'text', text: 'Hi' },
            createdAt: new Date().toISOString(),
          },
        ],
      },
    })
    const conversationId = pushed.json().items[0].conversationId
    await t.app.aiAgent.idle()
    const message = (await reply(conversationId, 'Hello')).json()
    assert.deepEqual(message.delivery, { state: 'not_deliverable', attempts: 0, lastError: null, notDeliverable: 'no channel webhook' })
    assert.equal(message.status, 'not_deliverable')
  })
})

describe('webhook signatures', () => {
  it('are refused when forged, altered or stale', () => {
    const body = '{"a":1}'
    const now = Date.now()
    const header = `t=${now},v1=${createHmac('sha256', SECRET).update(`${now}.${body}`).digest('hex')}`
    assert.equal(verifyWebhook(SECRET, body, header, now), true)
    assert.equal(verifyWebhook('another-secret-entirely', body, header, now), false)
    assert.equal(verifyWebhook(SECRET, '{"a":2}', header, now), false)
    assert.equal(verifyWebhook(SECRET, body, header, now + 10 * 60_000), false)
    assert.equal(verifyWebhook(SECRET, body, 'garbage', now), false)
  })
})
