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

describe('/docs', () => {
  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await t.app.inject({ url: '/docs/json' })
    assert.equal(response.statusCode, 200)
    const doc = response.json()
    assert.equal(doc.openapi, '3.1.0')
    for (const path of [
      '/api/unified-messaging-service/guest-conversations/messages',
      '/api/unified-messaging-service/guest-conversations/{conversationId}',
      '/api/unified-messaging-service/guest-conversations/{conversationId}/messages',
      '/api/unified-messaging-service/guest-conversations/messages/{messageId}',
      '/api/unified-messaging-service/guest-conversations/by-user-profile-id/{userProfileId}',
      '/v1/health',
      '/v1/conversations',
      '/v1/conversations/{id}',
      '/v1/conversations/{id}/messages',
      '/v1/events',
      '/v1/reservations',
      '/v1/reservations/{id}',
    ]) {
      assert.ok(doc.paths[path], path)
    }
    const push = doc.paths['/api/unified-messaging-service/guest-conversations/messages'].post
    assert.equal(push.requestBody.content['application/json'].schema.properties.messages.maxItems, 100)
  })

  it('serves the interactive documentation page', async () => {
    const response = await t.app.inject({ url: '/docs/' })
    assert.equal(response.statusCode, 200)
    assert.match(response.headers['content-type'] as string, /text\/html/)
  })
})
