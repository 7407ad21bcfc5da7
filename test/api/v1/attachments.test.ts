import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { at, NOW } from '../../support/native-messages.js'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

let t: TestApp
let token: string

const push = (messages: object[], headers = bearer(token)) => t.app.inject({ method: 'POST', url: '/v1/messages', headers, payload: { messages } })

before(async () => {
  t = await startTestApp({ clock: () => NOW })
  token = t.token(['guest.conversation.write', 'guest.conversation.read'])
})
after(() => t.close())

describe('attachments', () => {
  it('stores an uploaded file in the data dir and serves it back: images inline, the rest as a download', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    const upload = await t.app.inject({
      method: 'POST',
      url: '/v1/attachments?name=room%20204.png',
      headers: { ...bearer(token), 'content-type': 'image/png' },
      payload: png,
    })
    assert.equal(upload.statusCode, 201, upload.body)
    const { id, url, size } = upload.json()
    assert.equal(url, `/v1/attachments/${id}`)
    assert.equal(size, png.length)
    const download = await t.app.inject({ url, headers: bearer(token) })
    assert.equal(download.statusCode, 200)
    assert.deepEqual(download.rawPayload, png)
    assert.equal(download.headers['content-type'], 'image/png')
    assert.match(String(download.headers['content-disposition']), /^inline/)
    assert.match(String(download.headers['content-security-policy']), /sandbox/)

    const html = await t.app.inject({
      method: 'POST',
      url: '/v1/attachments?name=x.html',
      headers: { ...bearer(token), 'content-type': 'text/html' },
      payload: '<script>alert(1)</script>',
    })
    const served = await t.app.inject({ url: html.json().url, headers: bearer(token) })
    assert.equal(served.headers['content-type'], 'application/octet-stream')
    assert.match(String(served.headers['content-disposition']), /^attachment/)

    const sent = await push([{ channel: 'whatsapp', guest: { phone: '+41795550101' }, direction: 'in', content: { type: 'image', url }, createdAt: at(0) }])
    assert.equal(sent.statusCode, 201)
  })

  it('refuses an empty upload and answers unknown ids with 404; reading needs a token', async () => {
    assert.equal(
      (
        await t.app.inject({
          method: 'POST',
          url: '/v1/attachments?name=a.bin',
          headers: { ...bearer(token), 'content-type': 'application/octet-stream' },
          payload: Buffer.alloc(0),
        })
      ).statusCode,
      400,
    )
    assert.equal(
      (
        await t.app.inject({
          method: 'POST',
          url: '/v1/attachments',
          headers: { ...bearer(token), 'content-type': 'application/octet-stream' },
          payload: Buffer.from('x'),
        })
      ).statusCode,
      400,
    )
    assert.equal((await t.app.inject({ url: '/v1/attachments/att_01M8K6B9DJ904MNCC136K42GN7', headers: bearer(token) })).statusCode, 404)
    assert.equal((await t.app.inject({ url: '/v1/attachments/att_01M8K6B9DJ904MNCC136K42GN7' })).statusCode, 401)
  })
})
