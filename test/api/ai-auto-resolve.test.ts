import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../support/test-app.js'

// A conversation the AI agent answered by itself (no handover, no staff reply) resolves itself once
// the guest has stayed quiet for the property's autoResolveMinutes; a handover puts it in Needs reply.

const MINUTE = 60_000
let now = Date.parse('2026-12-02T09:00:00Z')
const clock = () => now
let t: TestApp
let admin: string

type Method = 'GET' | 'POST' | 'PUT'
const api = (method: Method, url: string, payload?: object, app = t) =>
  app.app.inject({ method, url, headers: bearer(admin), ...(payload === undefined ? {} : { payload }) })
const guestSays = async (phone: string, text: string, app = t) => {
  const response = await api('POST', PUSH_URL, { messages: [pushedMessage({ phone, text, at: new Date(now).toISOString() })] }, app)
  assert.equal(response.statusCode, 201, response.body)
  await app.app.aiAgent.idle()
  return response.json()[0].conversationId as string
}
const conversation = async (id: string, app = t) => (await api('GET', `/v1/conversations/${id}`, undefined, app)).json()
const lastEvent = async (id: string) => {
  const event = ((await api('GET', `/v1/conversations/${id}/events`)).json() as { type: string; agent: object | null; data: object }[]).at(-1)!
  return { type: event.type, agent: event.agent, data: event.data }
}
const needsReply = async () => ((await api('GET', '/v1/conversations?view=needs_reply&limit=100')).json().items as { id: string }[]).map((item) => item.id)

before(async () => {
  t = await startTestApp({ clock })
  admin = t.token(['admin'])
  const knowledge = await api('POST', '/v1/knowledge', {
    question: 'Is there parking at the hotel?',
    answer: 'Yes, our garage has 40 spaces.',
    tags: 'car garage parking',
  })
  assert.equal(knowledge.statusCode, 201, knowledge.body)
})
after(() => t.close())

describe('the AI auto-resolve setting', () => {
  it('is a day by default, and admins set it in minutes, or null for never', async () => {
    assert.equal((await api('GET', '/v1/settings/agent')).json().autoResolveMinutes, 24 * 60)
    for (const bad of [0, -5, 1.5, 'soon', 50_000]) {
      const refused = await api('PUT', '/v1/settings/agent', { autoResolveMinutes: bad })
      assert.equal(refused.statusCode, 400, `${bad}: ${refused.body}`)
      assert.match(refused.json().detail, /autoResolveMinutes/)
    }
    assert.equal((await api('PUT', '/v1/settings/agent', { autoResolveMinutes: null })).json().autoResolveMinutes, null)
    const saved = await api('PUT', '/v1/settings/agent', { autoResolveMinutes: 30 })
    assert.equal(saved.statusCode, 200, saved.body)
    assert.equal(saved.json().autoResolveMinutes, 30)
    assert.equal(saved.json().thresholds.high > 0, true, 'the other settings stay')
  })
})

describe('a conversation the AI agent answered', () => {
  it('resolves itself once the guest has been quiet for the set time, as a timeline event by the AI agent', async () => {
    const id = await guestSays('+41795556001', 'Hi, do you have parking for my car?')
    const answered = await conversation(id)
    assert.deepEqual([answered.state, answered.mode, answered.waitingSince], ['open', 'ai', null])
    now += 29 * MINUTE
    assert.equal(t.app.aiAutoResolve.resolveQuiet(), 0)
    assert.equal((await conversation(id)).state, 'open')
    now += 2 * MINUTE
    assert.equal(t.app.aiAutoResolve.resolveQuiet(), 1)
    assert.equal((await conversation(id)).state, 'resolved')
    assert.deepEqual(await lastEvent(id), { type: 'resolved', agent: null, data: { reason: 'guest quiet after the AI answer' } })
    assert.equal(t.app.aiAutoResolve.resolveQuiet(), 0, 'once')
    // The resolve is a change like any other: it goes to the other desks.
    const logged = t.db.prepare("SELECT count(*) FROM change_log WHERE entity = 'conversation' AND entity_id = ? AND fields LIKE '%resolved%'").pluck().get(id)
    assert.ok(Number(logged) >= 1)
  })

  it('opens again when the guest writes, and resolves itself again after the next answer', async () => {
    const id = await guestSays('+41795556002', 'Is there parking for my car?')
    now += 31 * MINUTE
    t.app.aiAutoResolve.resolveQuiet()
    assert.equal((await conversation(id)).state, 'resolved')
    await guestSays('+41795556002', 'Do you have parking for my car?')
    assert.equal((await conversation(id)).state, 'open')
    now += 31 * MINUTE
    assert.equal(t.app.aiAutoResolve.resolveQuiet(), 1)
    assert.equal((await conversation(id)).state, 'resolved')
  })

  it('stays open after a handover: the conversation needs a reply from staff', async () => {
    const id = await guestSays('+41795556003', 'Can I talk to a real person please?')
    const handedOver = await conversation(id)
    assert.equal(handedOver.mode, 'human')
    assert.notEqual(handedOver.waitingSince, null)
    assert.ok((await needsReply()).includes(id))
    now += 2 * 24 * 60 * MINUTE
    t.app.aiAutoResolve.resolveQuiet()
    assert.equal((await conversation(id)).state, 'open')
    assert.ok((await needsReply()).includes(id))
  })

  it('stays open when staff replied after the AI answer', async () => {
    const id = await guestSays('+41795556004', 'Do you have parking for my car?')
    const reply = await api('POST', `/v1/conversations/${id}/messages`, { text: 'And we can reserve you a space.' })
    assert.equal(reply.statusCode, 201, reply.body)
    now += 31 * MINUTE
    t.app.aiAutoResolve.resolveQuiet()
    assert.equal((await conversation(id)).state, 'open')
  })

  it('never resolves itself where the setting is null', async () => {
    await api('PUT', '/v1/settings/agent', { autoResolveMinutes: null })
    const id = await guestSays('+41795556005', 'Is there parking?')
    now += 3 * 24 * 60 * MINUTE
    assert.equal(t.app.aiAutoResolve.resolveQuiet(), 0)
    assert.equal((await conversation(id)).state, 'open')
    await api('PUT', '/v1/settings/agent', { autoResolveMinutes: 30 })
    assert.equal(t.app.aiAutoResolve.resolveQuiet(), 0, 'answers given while it was off are forgotten')
  })

  it('keeps what it waits for across a restart, and resolves at start what went quiet meanwhile', async () => {
    const id = await guestSays('+41795556006', 'Hello, is there parking for a car?')
    const dataDir = t.dataDir
    await t.app.close()
    now += 31 * MINUTE
    const restarted = await startTestApp({ clock, dataDir })
    try {
      assert.equal((await conversation(id, restarted)).state, 'resolved')
    } finally {
      await restarted.app.close()
      t = await startTestApp({ clock, dataDir })
      admin = t.token(['admin'])
    }
  })
})
