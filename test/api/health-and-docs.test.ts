import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { migrations } from '../../local-api/db/migrations/index.js'
import { bearer, startTestApp, type TestApp } from '../support/test-app.js'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

describe('GET /v1/health', () => {
  it('answers without a token with the schema version', async () => {
    const response = await t.app.inject({ url: '/v1/health' })
    assert.equal(response.statusCode, 200)
    assert.equal(response.json().status, 'ok')
    assert.equal(response.json().schemaVersion, migrations.at(-1)!.version)
  })
})

describe('GET /v1/properties', () => {
  it('lists the property a new data dir starts with', async () => {
    const response = await t.app.inject({ url: '/v1/properties', headers: bearer(t.token(['guest.conversation.read'])) })
    assert.equal(response.statusCode, 200)
    assert.equal(response.json().length, 1)
    assert.equal(response.json()[0].defaultCountry, 'CH')
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

describe('unknown routes', () => {
  it('answer 404 as problem details', async () => {
    const response = await t.app.inject({ url: '/v1/nothing-here' })
    assert.equal(response.statusCode, 404)
    assert.equal(response.json().title, 'Not Found')
  })
})
