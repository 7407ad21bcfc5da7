import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { openStore, type Store } from '../../local-api/db/store.js'
import { createDeliveryService, type DeliveryService } from '../../local-api/services/delivery.js'
import { createEventBus } from '../../local-api/services/event-bus.js'
import { eventually } from '../support/eventually.js'
import { bearer, startTestApp, type TestApp } from '../support/test-app.js'

/** A webhook receiver on 127.0.0.1 that counts the calls per message id, answering after `delayMs`. */
function countingReceiver(delayMs: number) {
  const calls = new Map<string, number>()
  const server: Server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const id = (JSON.parse(body) as { message: { id: string } }).message.id
      calls.set(id, (calls.get(id) ?? 0) + 1)
      setTimeout(() => response.writeHead(200).end(), delayMs)
    })
  })
  return {
    calls,
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      return (server.address() as AddressInfo).port
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const REPLIES = 30
let t: TestApp
let admin: string
let hook: ReturnType<typeof countingReceiver>
let conversationId: string
const stores: Store[] = []
const services: DeliveryService[] = []

before(async () => {
  hook = countingReceiver(15)
  const port = await hook.start()
  t = await startTestApp()
  admin = t.token(['admin'])
  await t.app.inject({
    method: 'POST',
    url: '/v1/channel-accounts',
    headers: bearer(admin),
    payload: {
      channel: 'whatsapp',
      code: 'wa',
      name: 'WhatsApp',
      webhookUrl: `http://127.0.0.1:${port}/hook`,
      webhookSecret: 'a-webhook-secret-of-some-length',
    },
  })
  const pushed = await t.app.inject({
    method: 'POST',
    url: '/v1/messages',
    headers: bearer(admin),
    payload: {
      messages: [
        { channel: 'whatsapp', guest: { phone: '+41795550001' }, direction: 'in', content: { type: 'text', text: 'Hi' }, createdAt: new Date().toISOString() },
      ],
    },
  })
  assert.equal(pushed.statusCode, 201, pushed.body)
  conversationId = pushed.json().items[0].conversationId
  await t.app.inject({ method: 'PUT', url: `/v1/conversations/${conversationId}/mode`, headers: bearer(admin), payload: { mode: 'human' } })
  // The app's own delivery stands still: the replies wait in the outbox for the two services below.
  await t.app.delivery.stop()
})
after(async () => {
  for (const service of services) await service.stop()
  for (const store of stores) store.close()
  await t.close()
  await hook.stop()
})

/** A delivery service over its own connection to the same SQLite file, as a second process would have. */
function deliveryOverOwnConnection(options: { leaseMs?: number } = {}): { store: Store; service: DeliveryService } {
  const store = openStore(t.dataDir)
  const service = createDeliveryService(store, createEventBus(), Date.now, { retryBaseMs: 20, maxDelayMs: 100, ...options })
  stores.push(store)
  services.push(service)
  return { store, service }
}

describe('outbox leases', () => {
  it('two delivery services over two connections to one store deliver each reply exactly once', async () => {
    const ids: string[] = []
    for (let i = 0; i < REPLIES; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/v1/conversations/${conversationId}/messages`,
        headers: bearer(admin),
        payload: { text: `reply ${i}` },
      })
      assert.equal(response.statusCode, 201)
      ids.push(response.json().id)
    }
    const a = deliveryOverOwnConnection()
    const b = deliveryOverOwnConnection()
    a.service.start()
    b.service.start()
    await eventually('every reply to be sent', () => assert.ok(ids.every((id) => t.app.store.messages.get(id)!.status === 'sent')))
    for (const id of ids) assert.equal(hook.calls.get(id), 1, `reply ${id} was delivered ${hook.calls.get(id)} times`)
    for (const id of ids) {
      const entry = t.app.store.outbox.get(id)!
      assert.deepEqual([entry.state, entry.attempts, entry.claimedBy, entry.leaseUntil], ['sent', 1, null, null])
    }
  })

  it('a reply claimed by a process that died is delivered once its lease runs out, not before', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${conversationId}/messages`,
      headers: bearer(admin),
      payload: { text: 'claimed by the dead' },
    })
    const id = response.json().id as string
    const now = Date.now()
    const leaseUntil = now + 400
    assert.equal(
      t.app.store.transaction(() => t.app.store.outbox.claim(id, 'a-process-that-died', now, leaseUntil)),
      true,
    )
    // Someone else holds it: no second claim while the lease lasts.
    assert.equal(t.app.store.outbox.claim(id, 'another', now + 1, now + 1000), false)
    const { service } = deliveryOverOwnConnection()
    service.start()
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.equal(hook.calls.get(id), undefined, 'not sent while the lease holds')
    await eventually('delivery after the lease ran out', () => assert.equal(t.app.store.messages.get(id)!.status, 'sent'))
    assert.ok(Date.now() >= leaseUntil)
    assert.equal(hook.calls.get(id), 1)
  })

  it('an outcome is recorded only by the claim holder', () => {
    const entry = t.app.store.outbox.due(Date.now() + 1e9)
    assert.equal(entry.length, 0, 'nothing left queued')
    const sent = [...hook.calls.keys()][0]!
    const recorded = t.app.store.outbox.record({
      messageId: sent,
      state: 'failed',
      attempts: 9,
      nextAttemptAt: 0,
      lastError: 'late',
      updatedAt: Date.now(),
      claimedBy: 'not-the-holder',
    })
    assert.equal(recorded, false)
    assert.equal(t.app.store.outbox.get(sent)!.state, 'sent')
  })
})
