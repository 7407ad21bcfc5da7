import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

let t: TestApp
let admin: string
let reader: string
let propertyId: string

const send = (method: 'POST' | 'PATCH', url: string, payload: object, token = admin) => t.app.inject({ method, url, headers: bearer(token), payload })

before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
  reader = t.token(['guest.conversation.read', 'guest.conversation.write'])
  propertyId = t.app.store.properties.first()!.id
})
after(() => t.close())

describe('admin: properties', () => {
  it('renames a property and changes its phone country and time zone', async () => {
    const response = await send('PATCH', `/v1/properties/${propertyId}`, { name: 'Hotel Lago', defaultCountry: 'it', timeZone: 'Europe/Rome' })
    assert.equal(response.statusCode, 200, response.body)
    assert.deepEqual([response.json().name, response.json().defaultCountry, response.json().timeZone], ['Hotel Lago', 'IT', 'Europe/Rome'])
  })

  it('refuses unknown countries and time zones, unknown ids, and non-admins', async () => {
    assert.equal((await send('PATCH', `/v1/properties/${propertyId}`, { defaultCountry: 'XX' })).statusCode, 400)
    assert.equal((await send('PATCH', `/v1/properties/${propertyId}`, { timeZone: 'Mars/Olympus' })).statusCode, 400)
    assert.equal((await send('PATCH', '/v1/properties/prop_nope', { name: 'X' })).statusCode, 404)
    assert.equal((await send('PATCH', `/v1/properties/${propertyId}`, { name: 'X' }, reader)).statusCode, 403)
  })
})

describe('admin: outlets', () => {
  it('are added in display order, edited, and listed for everyone', async () => {
    const spa = (await send('POST', '/v1/outlets', { code: 'SPA', name: 'Spa' })).json()
    const bar = (await send('POST', '/v1/outlets', { code: 'BAR', name: 'Bar', available: false })).json()
    assert.deepEqual([spa.position, bar.position, bar.available], [1, 2, false])
    const moved = await send('PATCH', `/v1/outlets/${bar.id}`, { position: 0, available: true, name: 'Lobby bar' })
    assert.equal(moved.statusCode, 200)
    const list = (await t.app.inject({ url: '/v1/outlets', headers: bearer(reader) })).json()
    assert.deepEqual(list.map((o: { name: string }) => o.name), ['Lobby bar', 'Spa'])
  })

  it('refuse a duplicate code, a bad code, unknown ids and non-admins', async () => {
    assert.equal((await send('POST', '/v1/outlets', { code: 'SPA', name: 'Another spa' })).statusCode, 400)
    assert.equal((await send('POST', '/v1/outlets', { code: 'has space', name: 'X' })).statusCode, 400)
    assert.equal((await send('PATCH', '/v1/outlets/out_nope', { name: 'X' })).statusCode, 404)
    assert.equal((await send('POST', '/v1/outlets', { code: 'RS', name: 'Restaurant' }, reader)).statusCode, 403)
  })
})

describe('admin: channel accounts', () => {
  it('are added, renamed and listed', async () => {
    const created = await send('POST', '/v1/channel-accounts', { channel: 'web_chat', code: 'jp-web', name: 'Japan website' })
    assert.equal(created.statusCode, 201, created.body)
    assert.match(created.json().id, /^chn_/)
    const renamed = await send('PATCH', `/v1/channel-accounts/${created.json().id}`, { name: 'Japanese website' })
    assert.equal(renamed.json().name, 'Japanese website')
    const list = (await t.app.inject({ url: '/v1/channel-accounts', headers: bearer(reader) })).json()
    assert.deepEqual(list.map((a: { code: string }) => a.code), ['jp-web'])
  })

  it('refuse a duplicate code, an unknown channel and non-admins', async () => {
    assert.equal((await send('POST', '/v1/channel-accounts', { channel: 'web_chat', code: 'jp-web', name: 'Again' })).statusCode, 400)
    assert.equal((await send('POST', '/v1/channel-accounts', { channel: 'fax', code: 'fx', name: 'Fax' })).statusCode, 400)
    assert.equal((await send('POST', '/v1/channel-accounts', { channel: 'web_chat', code: 'x', name: 'X' }, reader)).statusCode, 403)
  })
})

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
      payload: { messages: [{ channel: 'whatsapp', guest: { phone: '+39 333 123 4567' }, direction: 'in', content: { type: 'text', text: 'Ciao' }, createdAt: new Date().toISOString() }] },
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

describe('the OpenAPI document', () => {
  it('describes every dialect and the admin routes', async () => {
    const paths = Object.keys((await t.app.inject({ url: '/docs/json' })).json().paths)
    for (const path of [
      '/api/onsite-account/{onsite_account}/text-call',
      '/API/V40/Interactive/Messages/Conversations',
      '/3rd/conversations/{conversation_id}/messages',
      '/3rd/conversations/links',
      '/v1/outlets',
      '/v1/channel-accounts/{id}',
      '/v1/custom-fields',
      '/v1/conversations/{id}/service-record',
      '/v1/reservations/{id}/guest-sessions',
      '/v1/messages',
      '/v1/attachments',
    ]) {
      assert.ok(paths.includes(path), path)
    }
  })
})
