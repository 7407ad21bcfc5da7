import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startTestApp, type TestApp } from '../support/test-app.js'

let t: TestApp

before(async () => {
  t = await startTestApp()
})
after(() => t.close())

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
