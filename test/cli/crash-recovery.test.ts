import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { after, describe, it } from 'node:test'
import { cliCreateToken, spawnServe, type ServeProcess } from '../support/cli-process.js'
import { PUSH_URL, pushedMessage, tempDir } from '../support/test-app.js'

const CLIENTS = 4
const MESSAGES_PER_PUSH = 5
/** Kill the server once this many pushes were acknowledged… */
const KILL_AFTER_ACKS = 40
/** …and in any case stop pushing after this many attempts per client (the loop always ends). */
const MAX_PUSHES_PER_CLIENT = 400

interface Acknowledged {
  externalId: string
  messageId: string
  conversationId: string
}

describe('crash recovery', () => {
  const dataDir = tempDir('frontdesk-crash-')
  let server: ServeProcess | undefined
  after(async () => {
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('a server killed with SIGKILL in the middle of a stream of pushes keeps every acknowledged message', async () => {
    const token = await cliCreateToken(dataDir, 'guest.conversation.write,guest.conversation.read')
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    server = await spawnServe(dataDir)
    const killed = server
    const url = server.url

    const acknowledged: Acknowledged[] = []
    let pushesAcknowledged = 0
    let refusedAfterKill = 0
    async function client(clientIndex: number) {
      for (let push = 0; push < MAX_PUSHES_PER_CLIENT; push++) {
        const externalIds = Array.from({ length: MESSAGES_PER_PUSH }, (_, m) => `crash-${clientIndex}-${push}-${m}`)
        const messages = externalIds.map((externalId, m) =>
          pushedMessage({ phone: `+4179${String(clientIndex * 1000 + (push % 50)).padStart(7, '0')}`, text: `message ${m} of push ${push}`, externalId }),
        )
        let response: Response
        try {
          response = await fetch(`${url}${PUSH_URL}`, { method: 'POST', headers, body: JSON.stringify({ messages }) })
        } catch {
          refusedAfterKill++
          return // the server is gone: what was not acknowledged may or may not be stored
        }
        assert.equal(response.status, 201, await response.clone().text())
        const items = (await response.json()) as { messageId: string; conversationId: string }[]
        items.forEach((item, m) => acknowledged.push({ externalId: externalIds[m]!, ...item }))
        if (++pushesAcknowledged === KILL_AFTER_ACKS) killed.child.kill('SIGKILL')
      }
    }
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)))
    assert.ok(killed.child.signalCode === 'SIGKILL' || killed.child.killed, 'the server was killed mid-stream')
    assert.ok(refusedAfterKill > 0, 'pushes were still under way when the server died')
    assert.ok(acknowledged.length >= KILL_AFTER_ACKS * MESSAGES_PER_PUSH)

    server = await spawnServe(dataDir)
    for (const ack of acknowledged) {
      const response = await fetch(`${server.url}/api/unified-messaging-service/guest-conversations/messages/${ack.messageId}`, { headers })
      assert.equal(response.status, 200, `acknowledged message ${ack.externalId} (${ack.messageId}) was lost`)
      const message = (await response.json()) as { conversationId: string }
      assert.equal(message.conversationId, ack.conversationId)
    }

    // A retry of an acknowledged push after the restart stores nothing new and returns the same ids.
    const first = acknowledged[0]!
    const [clientIndex, push] = first.externalId.split('-').slice(1).map(Number) as [number, number]
    const retry = await fetch(`${server.url}${PUSH_URL}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        messages: [pushedMessage({ phone: `+4179${String(clientIndex * 1000 + (push % 50)).padStart(7, '0')}`, externalId: first.externalId })],
      }),
    })
    assert.equal(retry.status, 201)
    assert.equal(((await retry.json()) as { messageId: string }[])[0]!.messageId, first.messageId)
  })
})
