import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startCentralForTests, type CentralForTests } from '../../support/central-for-tests.js'
import { eventually } from '../../support/eventually.js'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../support/test-app.js'

const quickSync = { client: { periodMs: 500, maxBackoffMs: 300 } }
const HOUR = 3_600_000

/** Statistics count what arrives from other desks as what is written here: each desk's figures are the group's. */
describe('statistics across desks', () => {
  let group: CentralForTests
  let a: TestApp
  let b: TestApp

  const statsOn = async (desk: TestApp) => {
    const from = new Date(Date.now() - 3 * 24 * HOUR).toISOString()
    const to = new Date(Date.now() + HOUR).toISOString()
    const response = await desk.app.inject({ url: `/v1/stats?from=${from}&to=${to}`, headers: bearer(desk.token()) })
    assert.equal(response.statusCode, 200, response.body)
    return Object.fromEntries(
      (response.json().metrics as { key: string; value: number | null; numerator?: number }[]).map((m) => [m.key, [m.value, m.numerator]]),
    )
  }
  const push = async (desk: TestApp, message: ReturnType<typeof pushedMessage>) => {
    const response = await desk.app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(desk.token()), payload: { messages: [message] } })
    assert.equal(response.statusCode, 201, response.body)
    return response.json()[0].conversationId as string
  }

  before(async () => {
    group = await startCentralForTests()
    a = await startTestApp({ sync: quickSync })
    b = await startTestApp({ sync: quickSync })
    const propertyId = a.app.store.properties.first()!.id
    await group.connect(a, 'Desk A', propertyId)
    await group.connect(b, 'Desk B', propertyId)
  })
  after(async () => {
    await a.close()
    await b.close()
    await group.close()
  })

  it('a guest message on one desk answered on the other within 5 s, a takeover and a lead count the same on both', async () => {
    const asked = new Date(Date.now() - 2 * HOUR)
    const conversationId = await push(a, pushedMessage({ phone: '+41795559001', text: 'Do you have a room for Friday?', at: asked.toISOString() }))
    await eventually('the conversation on desk B', () => assert.ok(b.app.store.conversations.get(conversationId)), { timeoutMs: 15_000 })
    await push(b, pushedMessage({ phone: '+41795559001', direction: 'SENT', text: 'We do!', at: new Date(asked.getTime() + 3000).toISOString() }))
    const taken = await b.app.inject({ method: 'PUT', url: `/v1/conversations/${conversationId}/mode`, headers: bearer(b.token()), payload: { mode: 'human' } })
    assert.equal(taken.statusCode, 200, taken.body)
    const lead = await a.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/lead`, headers: bearer(a.token()) })
    assert.ok(lead.statusCode < 300, lead.body)

    // [value, numerator] of each figure: one conversation, answered in 3 s, taken over, its guest's phone known, a lead not (yet) converted.
    const want = {
      activeConversations: [1, undefined],
      responseRate: [100, 1],
      faqResolved: [0, undefined],
      humanTransfers: [1, undefined],
      capturedLeads: [1, undefined],
      conversionRate: [0, 0],
    }
    for (const desk of [a, b]) {
      await eventually('the same figures on each desk', async () => assert.deepEqual(await statsOn(desk), want), { timeoutMs: 15_000 })
    }
  })
})
