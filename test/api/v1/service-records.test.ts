import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

let t: TestApp
let admin: string
let reader: string

const send = (method: 'POST' | 'PATCH', url: string, payload: object, token = admin) => t.app.inject({ method, url, headers: bearer(token), payload })

before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
  reader = t.token(['guest.conversation.read', 'guest.conversation.write'])
})
after(() => t.close())

describe('admin: custom fields and service records', () => {
  it('adds fields per property; a service record is edited with their values and a memo', async () => {
    const field = (await send('POST', '/v1/custom-fields', { name: 'Budget' })).json()
    assert.match(field.id, /^cf_/)
    assert.equal((await send('POST', '/v1/custom-fields', { name: 'Budget' })).statusCode, 400)
    const renamed = await send('PATCH', `/v1/custom-fields/${field.id}`, { name: 'Budget per night' })
    assert.equal(renamed.json().name, 'Budget per night')

    const pushed = await t.app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: bearer(reader),
      payload: {
        messages: [
          {
            channel: 'whatsapp',
            guest: { phone: '+39 333 123 4567' },
            direction: 'in',
            content: { type: 'text', text: 'Ciao' },
            createdAt: new Date().toISOString(),
          },
        ],
      },
    })
    const conversationId = pushed.json().items[0].conversationId
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/v1/conversations/${conversationId}/service-record`,
      headers: bearer(reader),
      payload: { memo: 'Wants a lake view', values: [{ id: field.id, value: 'CHF 300' }] },
    })
    assert.equal(saved.statusCode, 200, saved.body)
    assert.deepEqual(saved.json().values, [{ id: field.id, name: 'Budget per night', value: 'CHF 300' }])
    const unknown = await t.app.inject({
      method: 'PUT',
      url: `/v1/conversations/${conversationId}/service-record`,
      headers: bearer(reader),
      payload: { values: [{ id: 'cf_nope', value: 'x' }] },
    })
    assert.equal(unknown.statusCode, 400)
    const kept = (await t.app.inject({ url: `/v1/conversations/${conversationId}/service-record`, headers: bearer(reader) })).json()
    assert.equal(kept.memo, 'Wants a lake view')
    assert.equal((await t.app.inject({ url: '/v1/conversations/conv_nope/service-record', headers: bearer(reader) })).statusCode, 404)
  })
})
