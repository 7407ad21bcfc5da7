import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { startTestApp, type TestApp } from '../../support/test-app.js'

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
