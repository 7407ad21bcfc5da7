import assert from 'node:assert/strict'
import { bearer, PUSH_URL, startTestApp, type TestApp } from './test-app.js'

/**
 * A desk for the guest search's tests: its clock moves a minute with each pushed message (so the list's
 * order is the push order), and it pushes, books and searches as an admin token would.
 */
export interface GuestSearchDesk {
  t: TestApp
  admin: string
  /** The desk's clock now (ms). */
  now(): number
  /** Pushes one message a minute after the last; resolves with its conversation once the AI agent is done with it. */
  push(message: object): Promise<string>
  /** Books a stay (12–15 March 2026) for `guest`. */
  reserve(confirmationNumber: string, guest: object): Promise<{ id: string; guestId: string }>
  /** The ids the list answers for `q=`, in its order. */
  listIds(q: string): Promise<string[]>
}

export async function startGuestSearchDesk(start = '2026-03-10T12:00:00Z'): Promise<GuestSearchDesk> {
  let clock = Date.parse(start)
  const t = await startTestApp({ clock: () => clock })
  const admin = t.token(['admin'])
  return {
    t,
    admin,
    now: () => clock,
    async push(message) {
      clock += 60_000
      const response = await t.app.inject({
        method: 'POST',
        url: PUSH_URL,
        headers: bearer(admin),
        payload: { messages: [{ ...message, messageCreatedAt: new Date(clock).toISOString() }] },
      })
      assert.ok(response.statusCode < 300, response.body)
      // The AI agent's handover words to the guest are stored at this minute too, before the clock moves on.
      await t.app.aiAgent.idle()
      return response.json()[0].conversationId as string
    },
    async reserve(confirmationNumber, guest) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/reservations',
        headers: bearer(admin),
        payload: { confirmationNumber, guest, arrival: '2026-03-12', departure: '2026-03-15', status: 'confirmed' },
      })
      assert.ok(response.statusCode < 300, response.body)
      return response.json().reservation as { id: string; guestId: string }
    },
    async listIds(q) {
      const response = await t.app.inject({ url: `/v1/conversations?limit=100&q=${encodeURIComponent(q)}`, headers: bearer(admin) })
      assert.equal(response.statusCode, 200, response.body)
      return (response.json().items as { id: string }[]).map((item) => item.id)
    },
  }
}
