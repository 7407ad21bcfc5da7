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

describe('admin: outlets', () => {
  it("are added in display order, after the property's own Front desk, edited, and listed for everyone", async () => {
    const spa = (await send('POST', '/v1/outlets', { code: 'SPA', name: 'Spa' })).json()
    const bar = (await send('POST', '/v1/outlets', { code: 'BAR', name: 'Bar', available: false })).json()
    assert.deepEqual([spa.position, bar.position, bar.available], [2, 3, false])
    const moved = await send('PATCH', `/v1/outlets/${bar.id}`, { position: 0, available: true, name: 'Lobby bar' })
    assert.equal(moved.statusCode, 200)
    const list = (await t.app.inject({ url: '/v1/outlets', headers: bearer(reader) })).json()
    assert.deepEqual(
      list.map((o: { name: string }) => o.name),
      ['Lobby bar', 'Front desk', 'Spa'],
    )
  })

  it('refuse a duplicate code, a bad code, unknown ids and non-admins', async () => {
    assert.equal((await send('POST', '/v1/outlets', { code: 'SPA', name: 'Another spa' })).statusCode, 400)
    assert.equal((await send('POST', '/v1/outlets', { code: 'has space', name: 'X' })).statusCode, 400)
    assert.equal((await send('PATCH', '/v1/outlets/out_nope', { name: 'X' })).statusCode, 404)
    assert.equal((await send('POST', '/v1/outlets', { code: 'RS', name: 'Restaurant' }, reader)).statusCode, 403)
  })
})
