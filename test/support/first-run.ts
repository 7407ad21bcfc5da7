import assert from 'node:assert/strict'
import { sessionCookie } from './sessions.js'
import type { TestApp } from './test-app.js'

/** The first-run setup of a new desk: the property, its first admin, and sample data. */
export const SETUP = {
  property: { name: 'Hotel Alpenblick', defaultCountry: 'ch', timeZone: 'Europe/Zurich' },
  admin: { name: 'Anna Keller', email: ' Anna@Alpenblick.ch ', password: 'correct horse battery' },
  sampleData: true,
}

/** Runs the first-run setup on a new desk; returns the admin's session cookie. */
export async function completeSetup(t: TestApp): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/v1/setup', payload: SETUP })
  assert.equal(response.statusCode, 201, response.body)
  return sessionCookie(response)
}
