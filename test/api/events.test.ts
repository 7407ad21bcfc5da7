import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { request } from 'node:http'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../support/test-app.js'

let t: TestApp
let base: string
before(async () => {
  t = await startTestApp()
  base = await t.app.listen({ port: 0, host: '127.0.0.1' })
})
after(() => t.close())

/** Opens the SSE stream and collects events until `count` have arrived. */
function collectEvents(token: string, count: number): { ready: Promise<void>; events: Promise<{ type: string; data: any }[]> } {
  let markReady!: () => void
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  const events = new Promise<{ type: string; data: any }[]>((resolve, reject) => {
    const req = request(`${base}/v1/events`, { headers: bearer(token) }, (res) => {
      assert.equal(res.statusCode, 200)
      assert.match(res.headers['content-type'] ?? '', /text\/event-stream/)
      const seen: { type: string; data: any }[] = []
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        if (buffer.includes(': connected')) markReady()
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const type = /^event: (.+)$/m.exec(frame)?.[1]
          const data = /^data: (.+)$/m.exec(frame)?.[1]
          if (type && data) seen.push({ type, data: JSON.parse(data) })
          if (seen.length >= count) {
            req.destroy()
            resolve(seen)
          }
        }
      })
    })
    req.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)))
    req.setTimeout(5000, () => reject(new Error('no events within 5 s')))
    req.end()
  })
  return { ready, events }
}

describe('GET /v1/events', () => {
  it('streams the domain events of a push after it is stored', async () => {
    const token = t.token()
    const stream = collectEvents(token, 3)
    await stream.ready
    const pushed = await fetch(`${base}${PUSH_URL}`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [pushedMessage({ phone: '+41796660001' })] }),
    })
    const [item] = (await pushed.json()) as { messageId: string; conversationId: string }[]
    const events = await stream.events
    assert.deepEqual(events.map((e) => e.type), ['conversation.created', 'message.created', 'conversation.updated'])
    assert.equal(events[1]!.data.messageId, item!.messageId)
    assert.equal(events[1]!.data.conversationId, item!.conversationId)
  })

  it('needs the read scope', async () => {
    const response = await fetch(`${base}/v1/events`, { headers: bearer(t.token(['guest.conversation.write'])) })
    assert.equal(response.status, 403)
    const anonymous = await fetch(`${base}/v1/events`)
    assert.equal(anonymous.status, 401)
  })
})
