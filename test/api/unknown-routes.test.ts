import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startTestApp, type TestApp } from '../support/test-app.js'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

describe('unknown routes', () => {
  it('answer 404 as problem details', async () => {
    const response = await t.app.inject({ url: '/v1/nothing-here' })
    assert.equal(response.statusCode, 404)
    assert.equal(response.json().title, 'Not Found')
  })
})
