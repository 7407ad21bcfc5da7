import assert from 'node:assert/strict'
import type { TestApp } from './test-app.js'

/** The session cookie of a response, ready to send back. */
export function sessionCookie(response: { headers: Record<string, unknown> }): string {
  const header = [response.headers['set-cookie']].flat().find((value) => String(value).startsWith('frontdesk_session='))
  assert.ok(header, 'a session cookie is set')
  return String(header).split(';')[0]!
}

/** Signs an agent in and returns their session cookie. */
export async function signIn(t: TestApp, email: string, password: string): Promise<string> {
  return sessionCookie(await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email, password } }))
}
