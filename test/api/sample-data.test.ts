import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import type { App } from '../../local-api/server.js'
import { completeSetup } from '../support/first-run.js'
import { eventually } from '../support/eventually.js'
import { startTestApp, tempDir, type TestApp } from '../support/test-app.js'

// The first run's sample data: coherent stories, some handled, some waiting, and replies that are delivered.

type Row = Record<string, unknown>
const dataDir = tempDir()
let t: TestApp
let cookie: string

before(async () => {
  t = await startTestApp({ dataDir })
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  cookie = await completeSetup(t)
})
after(async () => {
  await t.app.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const get = async (app: App, url: string) => {
  const response = await app.inject({ url, headers: { cookie } })
  assert.equal(response.statusCode, 200, response.body)
  return response.json()
}

/** A reply by the admin in the newest web-chat conversation; resolves with its message id. */
async function replyInWebChat(app: App, text: string): Promise<string> {
  const [conversation] = (await get(app, '/v1/conversations?channel=web_chat&limit=1')).items
  const response = await app.inject({ method: 'POST', url: `/v1/conversations/${conversation.id}/messages`, headers: { cookie }, payload: { text } })
  assert.equal(response.statusCode, 201, response.body)
  return response.json().id
}

describe('sample data', () => {
  it("mentions each stay's own room and confirmation number, as its reservation has them", () => {
    const rows = t.db
      .prepare(
        `SELECT r.confirmation_number AS confirmation, r.room, group_concat(m.text, '\n') AS texts
         FROM reservations r JOIN conversations c ON c.guest_id = r.guest_id JOIN messages m ON m.conversation_id = c.id
         GROUP BY r.id`,
      )
      .all() as { confirmation: string; room: string; texts: string }[]
    assert.ok(rows.length > 5)
    for (const { confirmation, room, texts } of rows) {
      for (const [, mentioned] of texts.matchAll(/\broom (\d{3})\b/g)) assert.equal(mentioned, room, texts)
      for (const [mentioned] of texts.matchAll(/\bHB\d+\b/g)) assert.equal(mentioned, confirmation, texts)
    }
  })

  it('has phone calls that read as calls: nothing typed, no emoji', () => {
    const texts = (t.db.prepare(`SELECT m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.channel = 'phone'`).all() as Row[]).map(
      (row) => String(row.text),
    )
    assert.ok(texts.length > 3)
    for (const text of texts) assert.doesNotMatch(text, /\p{Extended_Pictographic}|^(Hello\?|Thanks!)$/u)
  })

  it('has conversations assigned to the admin, resolved ones and ones waiting for a reply', () => {
    const states = Object.fromEntries(
      (t.db.prepare('SELECT state, count(*) AS n FROM conversations GROUP BY state').all() as { state: string; n: number }[]).map((row) => [row.state, row.n]),
    )
    assert.ok(states.resolved! > 10 && states.open! > 3, JSON.stringify(states))
    const assigned = t.db.prepare('SELECT count(*) AS n FROM conversations WHERE assigned_agent_id IS NOT NULL').get() as { n: number }
    assert.ok(assigned.n > 0)
    const waiting = t.db.prepare(`SELECT count(*) AS n FROM conversations WHERE state = 'open' AND waiting_since IS NOT NULL`).get() as { n: number }
    assert.ok(waiting.n > 0)
  })

  it("has notes staff left each other: the admin's, internal, never queued for the guest, and not the conversation's last word", async () => {
    const notes = t.db
      .prepare(`SELECT m.conversation_id AS conversationId, a.role FROM messages m JOIN agents a ON a.id = m.sender_agent_id WHERE m.internal = 1`)
      .all() as { conversationId: string; role: string }[]
    assert.ok(notes.length >= 3, `${notes.length} notes`)
    for (const note of notes) assert.equal(note.role, 'admin')
    const queued = t.db.prepare('SELECT count(*) AS n FROM outbox o JOIN messages m ON m.id = o.message_id WHERE m.internal = 1').get() as { n: number }
    assert.equal(queued.n, 0)
    // The chat shows them; the guest's preview stays the last message with the guest.
    const chat = await get(t.app, `/v1/conversations/${notes[0]!.conversationId}/messages`)
    assert.ok(chat.items.some((message: { internal?: boolean }) => message.internal))
    const [listed] = (await get(t.app, `/v1/conversations?view=all&limit=100`)).items.filter((c: { id: string }) => c.id === notes[0]!.conversationId)
    assert.doesNotMatch(listed.lastMessagePreview ?? '', /garage is almost full|Maintenance has room|Transfer booked with the driver/)
  })

  it("has a web-chat channel account whose webhook is the desk's local demo receiver: replies are delivered", async () => {
    const [account] = await get(t.app, '/v1/channel-accounts')
    assert.equal(account.channel, 'web_chat')
    assert.match(account.webhookUrl, /^http:\/\/127\.0\.0\.1:\d+\/demo-webhook$/)
    assert.equal(account.hasWebhookSecret, true)
    const id = await replyInWebChat(t.app, 'Thank you, see you soon!')
    await eventually('the reply to be delivered', () => assert.equal(t.app.store.messages.get(id)!.status, 'sent'))
    assert.ok(t.app.demoWebhook.received() >= 1)
  })

  it('starts the receiver again when the desk restarts, and replies are still delivered', async () => {
    t.db.close()
    await t.app.close()
    t = await startTestApp({ dataDir })
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const id = await replyInWebChat(t.app, 'One more thing: breakfast is until 10:30.')
    await eventually('the reply to be delivered after the restart', () => assert.equal(t.app.store.messages.get(id)!.status, 'sent'))
  })
})
