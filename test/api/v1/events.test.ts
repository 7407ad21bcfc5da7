import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { request } from 'node:http'
import { CREDENTIAL_RECHECK_MS } from '../../../local-api/routes/v1/events.js'
import { createApiToken } from '../../../local-api/services/api-tokens.js'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../support/test-app.js'

let t: TestApp
let base: string
before(async () => {
  t = await startTestApp()
  base = await t.app.listen({ port: 0, host: '127.0.0.1' })
})
after(() => t.close())

/** Opens the SSE stream and collects events until `count` have arrived. */
function collectEvents(token: string, count: number): { ready: Promise<void>; events: Promise<{ type: string; data: any }[]> } {
  let markReady!: () => void
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  const events = new Promise<{ type: string; data: any }[]>((resolve, reject) => {
    const req = request(`${base}/v1/events`, { headers: bearer(token) }, (res) => {
      assert.equal(res.statusCode, 200)
      assert.match(res.headers['content-type'] ?? '', /text\/event-stream/)
      const seen: { type: string; data: any }[] = []
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        if (buffer.includes(': connected')) markReady()
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const type = /^event: (.+)$/m.exec(frame)?.[1]
          const data = /^data: (.+)$/m.exec(frame)?.[1]
          if (type && data) seen.push({ type, data: JSON.parse(data) })
          if (seen.length >= count) {
            req.destroy()
            resolve(seen)
          }
        }
      })
    })
    req.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)))
    req.setTimeout(5000, () => reject(new Error('no events within 5 s')))
    req.end()
  })
  return { ready, events }
}

describe('GET /v1/events', () => {
  it('streams the domain events of a push after it is stored', async () => {
    const token = t.token()
    const stream = collectEvents(token, 3)
    await stream.ready
    const pushed = await fetch(`${base}${PUSH_URL}`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [pushedMessage({ phone: '+41796660001' })] }),
    })
    const [item] = (await pushed.json()) as { messageId: string; conversationId: string }[]
    const events = await stream.events
    assert.deepEqual(
      events.map((e) => e.type),
      ['conversation.created', 'message.created', 'conversation.updated'],
    )
    assert.equal(events[1]!.data.messageId, item!.messageId)
    assert.equal(events[1]!.data.conversationId, item!.conversationId)
  })

  it('needs the read scope', async () => {
    const response = await fetch(`${base}/v1/events`, { headers: bearer(t.token(['guest.conversation.write'])) })
    assert.equal(response.status, 403)
    const anonymous = await fetch(`${base}/v1/events`)
    assert.equal(anonymous.status, 401)
  })
})

/** A live stream over the port, collecting every event as it comes; ends when the server ends it. */
function openStream(headers: Record<string, string>) {
  const events: { type: string; data: any }[] = []
  const waiters: { predicate: () => boolean; resolve: () => void }[] = []
  const check = () => {
    for (const waiter of [...waiters]) if (waiter.predicate()) waiter.resolve()
  }
  let markReady!: () => void
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  let markEnded!: () => void
  const ended = new Promise<void>((resolve) => (markEnded = resolve))
  const req = request(`${base}/v1/events`, { headers }, (res) => {
    assert.equal(res.statusCode, 200)
    let buffer = ''
    res.setEncoding('utf8')
    res.on('data', (chunk: string) => {
      buffer += chunk
      if (buffer.includes(': connected')) markReady()
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const type = /^event: (.+)$/m.exec(frame)?.[1]
        const data = /^data: (.+)$/m.exec(frame)?.[1]
        if (type && data) events.push({ type, data: JSON.parse(data) })
      }
      check()
    })
    res.on('end', markEnded)
    res.on('close', markEnded)
  })
  req.on('error', () => markEnded())
  req.end()
  return {
    ready,
    events,
    ended,
    /** Resolves once an event matching `predicate` has arrived (fails after 5 s). */
    waitFor(predicate: (event: { type: string; data: any }) => boolean): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such event within 5 s; got ${JSON.stringify(events.map((e) => e.type))}`)), 5000)
        const waiter = { predicate: () => events.some(predicate), resolve: () => (clearTimeout(timer), waiters.splice(waiters.indexOf(waiter), 1), resolve()) }
        waiters.push(waiter)
        check()
      })
    },
    close: () => req.destroy(),
  }
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))])

describe('GET /v1/events for a property-bound credential, per recipient, and after revocation', () => {
  const PASSWORD = 'Tangerine-Lighthouse-Orbit-73'
  let admin: string
  let propertyA: string
  let propertyB: string
  let cookieOf: (email: string) => Promise<string>

  before(async () => {
    admin = t.token(['admin'])
    propertyA = t.app.store.properties.first()!.id
    const created = await t.app.inject({ method: 'POST', url: '/v1/properties', headers: bearer(admin), payload: { name: 'Hotel B', defaultCountry: 'CH' } })
    assert.equal(created.statusCode, 201, created.body)
    propertyB = created.json().id
    cookieOf = async (email) => {
      const signedIn = await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email, password: PASSWORD } })
      assert.equal(signedIn.statusCode, 200, signedIn.body)
      return String([signedIn.headers['set-cookie']].flat()[0]).split(';')[0]!
    }
  })

  const push = async (token: string, phone: string, externalId?: string) => {
    const response = await fetch(`${base}${PUSH_URL}`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [pushedMessage({ phone, externalId })] }),
    })
    assert.equal(response.status, 201)
    return ((await response.json()) as { conversationId: string; messageId: string }[])[0]!
  }

  it("gives a token bound to property B only property B's events; every event names its property", async () => {
    const tokenA = t.token(undefined, propertyA)
    const tokenB = t.token(undefined, propertyB)
    const streamB = openStream(bearer(tokenB))
    const unbound = openStream(bearer(t.token()))
    await Promise.all([streamB.ready, unbound.ready])
    const a = await push(tokenA, '+41796660101')
    const b = await push(tokenB, '+41796660102')
    await streamB.waitFor((e) => e.type === 'message.created' && e.data.messageId === b.messageId)
    await unbound.waitFor((e) => e.type === 'message.created' && e.data.messageId === b.messageId)
    streamB.close()
    unbound.close()
    assert.ok(streamB.events.length >= 3)
    for (const event of streamB.events) assert.equal(event.data.propertyId, propertyB, JSON.stringify(event))
    assert.ok(!streamB.events.some((e) => e.data.conversationId === a.conversationId))
    // A credential bound to no property sees both, each event with its property (the guests' messages;
    // the AI agent's handover words to each may come between).
    const seen = unbound.events.filter((e) => e.type === 'message.created' && e.data.direction === 'in').map((e) => [e.data.messageId, e.data.propertyId])
    assert.deepEqual(seen, [
      [a.messageId, propertyA],
      [b.messageId, propertyB],
    ])
  })

  it('sends a notification only to the signed-in agent it is for, never to a token', async () => {
    const agent = await t.app.inject({
      method: 'POST',
      url: '/v1/agents',
      headers: bearer(admin),
      payload: { name: 'Nina', email: 'nina@hotel.test', password: PASSWORD, role: 'agent' },
    })
    assert.equal(agent.statusCode, 201, agent.body)
    const ottoAgent = await t.app.inject({
      method: 'POST',
      url: '/v1/agents',
      headers: bearer(admin),
      payload: { name: 'Otto', email: 'otto@hotel.test', password: PASSWORD, role: 'agent' },
    })
    const nina = openStream({ cookie: await cookieOf('nina@hotel.test') })
    const otto = openStream({ cookie: await cookieOf('otto@hotel.test') })
    const token = openStream(bearer(admin))
    await Promise.all([nina.ready, otto.ready, token.ready])
    const { conversationId } = await push(t.token(undefined, propertyA), '+41796660103')
    const assigned = await t.app.inject({
      method: 'PUT',
      url: `/v1/conversations/${conversationId}/assignee`,
      headers: bearer(admin),
      payload: { agentId: agent.json().id },
    })
    assert.equal(assigned.statusCode, 204, assigned.body)
    await nina.waitFor((e) => e.type === 'notification.created')
    // Later events reach the others, so anything for them before has arrived too.
    const marker = await push(t.token(undefined, propertyA), '+41796660104')
    for (const stream of [nina, otto, token]) await stream.waitFor((e) => e.type === 'message.created' && e.data.messageId === marker.messageId)
    for (const stream of [nina, otto, token]) stream.close()
    const [notification] = nina.events.filter((e) => e.type === 'notification.created')
    assert.equal(notification!.data.agentId, agent.json().id)
    assert.equal(notification!.data.propertyId, propertyA)
    // Otto may get his own notifications (conversations routed to him), never Nina's.
    for (const event of otto.events.filter((e) => e.type === 'notification.created')) assert.equal(event.data.agentId, ottoAgent.json().id)
    for (const event of nina.events.filter((e) => e.type === 'notification.created')) assert.equal(event.data.agentId, agent.json().id)
    assert.equal(token.events.filter((e) => e.type === 'notification.created').length, 0)
  })

  it('ends the stream of a token as soon as it is revoked, and refuses it afterwards', async () => {
    const { id, token } = createApiToken(t.app.store, { name: 'kiosk', scopes: ['guest.conversation.read'] })
    const stream = openStream(bearer(token))
    await stream.ready
    const revoked = await t.app.inject({ method: 'DELETE', url: `/v1/tokens/${id}`, headers: bearer(admin) })
    assert.equal(revoked.statusCode, 204, revoked.body)
    // The next event is not written: the credential is checked first, and the stream ends.
    const after = await push(t.token(), '+41796660105')
    await within(stream.ended, CREDENTIAL_RECHECK_MS + 1000, "the revoked token's stream ends")
    assert.ok(!stream.events.some((e) => e.data.messageId === after.messageId))
    assert.equal((await fetch(`${base}/v1/events`, { headers: bearer(token) })).status, 401)
  })

  it('ends a quiet stream within seconds of the revocation, with no event needed', async () => {
    const { id, token } = createApiToken(t.app.store, { name: 'quiet', scopes: ['guest.conversation.read'] })
    const stream = openStream(bearer(token))
    await stream.ready
    await t.app.inject({ method: 'DELETE', url: `/v1/tokens/${id}`, headers: bearer(admin) })
    await within(stream.ended, CREDENTIAL_RECHECK_MS + 1000, "the revoked token's quiet stream ends")
  })

  it("ends a session's stream when the agent signs out, and when the agent is deactivated", async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/agents',
      headers: bearer(admin),
      payload: { name: 'Pia', email: 'pia@hotel.test', password: PASSWORD, role: 'agent' },
    })
    const cookie = await cookieOf('pia@hotel.test')
    const signedOut = openStream({ cookie })
    await signedOut.ready
    assert.equal((await t.app.inject({ method: 'DELETE', url: '/v1/session', headers: { cookie } })).statusCode, 204)
    await within(signedOut.ended, CREDENTIAL_RECHECK_MS + 1000, "the signed-out session's stream ends")

    const deactivated = openStream({ cookie: await cookieOf('pia@hotel.test') })
    await deactivated.ready
    const patched = await t.app.inject({ method: 'PATCH', url: `/v1/agents/${created.json().id}`, headers: bearer(admin), payload: { active: false } })
    assert.equal(patched.statusCode, 200, patched.body)
    await push(t.token(), '+41796660106')
    await within(deactivated.ended, CREDENTIAL_RECHECK_MS + 1000, "the deactivated agent's stream ends")
  })
})
