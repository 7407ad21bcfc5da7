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

describe('admin: channel accounts', () => {
  it('are added, renamed and listed', async () => {
    const created = await send('POST', '/v1/channel-accounts', { channel: 'web_chat', code: 'jp-web', name: 'Japan website' })
    assert.equal(created.statusCode, 201, created.body)
    assert.match(created.json().id, /^chn_/)
    const renamed = await send('PATCH', `/v1/channel-accounts/${created.json().id}`, { name: 'Japanese website' })
    assert.equal(renamed.json().name, 'Japanese website')
    const list = (await t.app.inject({ url: '/v1/channel-accounts', headers: bearer(reader) })).json()
    assert.deepEqual(
      list.map((a: { code: string }) => a.code),
      ['jp-web'],
    )
  })

  it('refuse a duplicate code, an unknown channel and non-admins', async () => {
    assert.equal((await send('POST', '/v1/channel-accounts', { channel: 'web_chat', code: 'jp-web', name: 'Again' })).statusCode, 400)
    assert.equal((await send('POST', '/v1/channel-accounts', { channel: 'fax', code: 'fx', name: 'Fax' })).statusCode, 400)
    assert.equal((await send('POST', '/v1/channel-accounts', { channel: 'web_chat', code: 'x', name: 'X' }, reader)).statusCode, 403)
  })
})
