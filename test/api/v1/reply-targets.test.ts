import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signIn } from '../../support/sessions.js'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

// A property's reply targets: how long a guest may wait before the inbox marks the wait amber (warn)
// and red (late). Every agent reads them with the property; admins change them.
let t: TestApp
let admin: string
let propertyA: string
let propertyB: string
let agentCookie: string

const patch = (id: string, payload: object, headers: Record<string, string> = bearer(admin)) =>
  t.app.inject({ method: 'PATCH', url: `/v1/properties/${id}`, headers, payload })
const targetsOf = async (id: string, headers: Record<string, string> = bearer(admin)) =>
  ((await t.app.inject({ url: '/v1/properties', headers })).json() as { id: string; replyTargets: unknown }[]).find((property) => property.id === id)
    ?.replyTargets

before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
  propertyA = t.app.store.properties.first()!.id
  propertyB = (await t.app.inject({ method: 'POST', url: '/v1/properties', headers: bearer(admin), payload: { name: 'Hotel B', defaultCountry: 'CH' } })).json()
    .id as string
  await t.app.inject({
    method: 'POST',
    url: '/v1/agents',
    headers: bearer(admin),
    payload: { name: 'Luca Meier', email: 'luca@alpenblick.ch', password: 'front desk 2026', role: 'agent' },
  })
  agentCookie = await signIn(t, 'luca@alpenblick.ch', 'front desk 2026')
})
after(() => t.close())

describe("a property's reply targets", () => {
  it('are 5 and 15 minutes until an admin sets them, for every property', async () => {
    assert.deepEqual(await targetsOf(propertyA), { warnMinutes: 5, lateMinutes: 15 })
    assert.deepEqual(await targetsOf(propertyB), { warnMinutes: 5, lateMinutes: 15 })
  })

  it("are set by an admin for one property, alone or with the property's other settings, and kept", async () => {
    const response = await patch(propertyA, { replyTargets: { warnMinutes: 3, lateMinutes: 10 } })
    assert.equal(response.statusCode, 200, response.body)
    assert.deepEqual(response.json().replyTargets, { warnMinutes: 3, lateMinutes: 10 })
    assert.equal(response.json().name, t.app.store.properties.get(propertyA)!.name, 'the rest stays')
    assert.deepEqual(await targetsOf(propertyB), { warnMinutes: 5, lateMinutes: 15 }, 'the other property keeps its own')
    const both = await patch(propertyB, { name: 'Chalet B', replyTargets: { warnMinutes: 10, lateMinutes: 10 } })
    assert.equal(both.statusCode, 200, both.body)
    assert.deepEqual([both.json().name, both.json().replyTargets], ['Chalet B', { warnMinutes: 10, lateMinutes: 10 }])
  })

  it('are read by every signed-in agent with the properties (the inbox badges use them)', async () => {
    assert.deepEqual(await targetsOf(propertyA, { cookie: agentCookie }), { warnMinutes: 3, lateMinutes: 10 })
  })

  it('refuse a warning after the lateness, values out of range or of the wrong type, and unknown fields, with 400, changing nothing', async () => {
    for (const replyTargets of [
      { warnMinutes: 20, lateMinutes: 15 },
      { warnMinutes: 0, lateMinutes: 15 },
      { warnMinutes: 5, lateMinutes: 1441 },
      { warnMinutes: 2.5, lateMinutes: 15 },
      { warnMinutes: '5', lateMinutes: 15 },
      { warnMinutes: 5 },
      { warnMinutes: 5, lateMinutes: 15, redMinutes: 30 },
    ]) {
      const response = await patch(propertyA, { name: 'Renamed in vain', replyTargets })
      assert.equal(response.statusCode, 400, JSON.stringify(replyTargets))
      assert.match(response.headers['content-type'] as string, /problem\+json/)
    }
    assert.match((await patch(propertyA, { replyTargets: { warnMinutes: 20, lateMinutes: 15 } })).json().detail, /warnMinutes must not be above/)
    assert.deepEqual(await targetsOf(propertyA), { warnMinutes: 3, lateMinutes: 10 })
    assert.notEqual(t.app.store.properties.get(propertyA)!.name, 'Renamed in vain')
  })

  it("are changed only by admins, and a property-bound admin token only its own property's", async () => {
    const targets = { replyTargets: { warnMinutes: 1, lateMinutes: 2 } }
    assert.equal((await patch(propertyA, targets, { cookie: agentCookie })).statusCode, 403)
    assert.equal((await patch(propertyA, targets, bearer(t.token(['guest.conversation.read', 'guest.conversation.write'])))).statusCode, 403)
    assert.equal((await patch(propertyA, targets, bearer(t.token(['admin'], propertyB)))).statusCode, 404)
    assert.equal((await patch('prop_nothing', targets)).statusCode, 404)
    assert.deepEqual(await targetsOf(propertyA), { warnMinutes: 3, lateMinutes: 10 })
  })
})
