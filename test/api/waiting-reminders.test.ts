import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signIn } from '../support/sessions.js'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../support/test-app.js'

// While a guest waits in a queued or handed-over conversation, staff are reminded every
// waitingReminderMinutes: the assignee, else the agents on duty (signed in). At most one reminder per
// interval per conversation; none once someone answered.

const MINUTE = 60_000
const PASSWORD = 'front desk 2026'
let now = Date.parse('2026-12-02T09:00:00Z')
const clock = () => now
let t: TestApp
let admin: string
const agents: Record<'luca' | 'mia', string> = { luca: '', mia: '' }

type Method = 'GET' | 'POST' | 'PUT'
const api = (method: Method, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(admin), ...(payload === undefined ? {} : { payload }) })
const guestSays = async (phone: string, text = 'Can I talk to a real person please?') => {
  const response = await api('POST', PUSH_URL, { messages: [pushedMessage({ phone, text, at: new Date(now).toISOString() })] })
  assert.equal(response.statusCode, 201, response.body)
  await t.app.aiAgent.idle()
  return response.json()[0].conversationId as string
}
const reminders = (agent: 'luca' | 'mia', conversationId: string) =>
  t.app.store.notifications.ofAgent(agents[agent]).filter((n) => n.kind === 'reminder' && n.conversationId === conversationId)

before(async () => {
  t = await startTestApp({ clock })
  admin = t.token(['admin'])
  for (const name of ['luca', 'mia'] as const) {
    const created = await api('POST', '/v1/agents', { name: `${name} Meier`, email: `${name}@alpenblick.ch`, password: PASSWORD, role: 'agent' })
    agents[name] = created.json().id
  }
  // Mia is on duty (signed in); Luca is not.
  await signIn(t, 'mia@alpenblick.ch', PASSWORD)
})
after(() => t.close())

describe('the waiting reminder setting', () => {
  it('is five minutes by default; admins set it in minutes, or null for none', async () => {
    assert.equal((await api('GET', '/v1/settings/agent')).json().waitingReminderMinutes, 5)
    assert.equal((await api('PUT', '/v1/settings/agent', { waitingReminderMinutes: 0 })).statusCode, 400)
    assert.equal((await api('PUT', '/v1/settings/agent', { waitingReminderMinutes: 2000 })).statusCode, 400)
    assert.equal((await api('PUT', '/v1/settings/agent', { waitingReminderMinutes: 10 })).json().waitingReminderMinutes, 10)
    assert.equal((await api('PUT', '/v1/settings/agent', { waitingReminderMinutes: 5 })).json().waitingReminderMinutes, 5)
  })
})

describe('a handed-over conversation whose guest waits', () => {
  let id: string

  it('reminds the agents on duty once the interval has passed, once per interval', async () => {
    id = await guestSays('+41795557001')
    const handedOver = (await api('GET', `/v1/conversations/${id}`)).json()
    assert.deepEqual([handedOver.mode, handedOver.routing.assignedAgentId], ['human', null])
    now += 4 * MINUTE
    assert.equal(t.app.waitingReminders.remindWaiting(), 0)
    now += 2 * MINUTE
    assert.equal(t.app.waitingReminders.remindWaiting(), 1)
    assert.deepEqual(
      reminders('mia', id).map((n) => n.text),
      ['+41795557001 has waited 6 min for a reply'],
    )
    assert.deepEqual(reminders('luca', id), [], 'not on duty')
    now += 2 * MINUTE
    assert.equal(t.app.waitingReminders.remindWaiting(), 0, 'not again within the interval')
    now += 4 * MINUTE
    assert.equal(t.app.waitingReminders.remindWaiting(), 1)
    assert.equal(reminders('mia', id).length, 2)
  })

  it('reminds its assignee alone once it has one', async () => {
    assert.equal((await api('PUT', `/v1/conversations/${id}/assignee`, { agentId: agents.luca })).statusCode, 204)
    now += 6 * MINUTE
    assert.equal(t.app.waitingReminders.remindWaiting(), 1)
    assert.equal(reminders('luca', id).length, 1)
    assert.equal(reminders('mia', id).length, 2)
  })

  it('stops once staff answer', async () => {
    assert.equal((await api('POST', `/v1/conversations/${id}/messages`, { text: 'Hello, Luca here.' })).statusCode, 201)
    now += 30 * MINUTE
    assert.equal(t.app.waitingReminders.remindWaiting(), 0)
  })
})

describe('no reminder', () => {
  it('for a guest the AI agent still handles (ai mode, not queued)', async () => {
    await api('PUT', '/v1/settings/agent', { waitingReminderMinutes: 5 })
    // An hour-old message: the AI agent leaves it (too old to answer), the conversation stays in ai mode, waiting.
    const response = await api('POST', PUSH_URL, {
      messages: [pushedMessage({ phone: '+41795557002', text: 'Hello?', at: new Date(now - 60 * MINUTE).toISOString() })],
    })
    const id = response.json()[0].conversationId as string
    await t.app.aiAgent.idle()
    assert.equal((await api('GET', `/v1/conversations/${id}`)).json().mode, 'ai')
    now += 10 * MINUTE
    t.app.waitingReminders.remindWaiting()
    assert.deepEqual(reminders('mia', id), [])
  })

  it('where the setting is null', async () => {
    await api('PUT', '/v1/settings/agent', { waitingReminderMinutes: null })
    const id = await guestSays('+41795557003')
    now += 30 * MINUTE
    assert.equal(t.app.waitingReminders.remindWaiting(), 0)
    assert.deepEqual(reminders('mia', id), [])
    await api('PUT', '/v1/settings/agent', { waitingReminderMinutes: 5 })
  })
})
