import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { parse } from 'csv-parse/sync'
import { eventually } from '../../support/eventually.js'
import { signIn } from '../../support/sessions.js'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

// Internal notes: staff write them in a conversation's chat for staff. They never reach the guest
// (no delivery to the channel's webhook), nor integrators (dialects, API tokens), exports, statistics
// or the list's summary; the agents a note mentions are notified.
const PASSWORD = 'front desk 2026'
const NOTE = 'Guest is a regular: upgrade to the lake view if free, ask Luca about the zebrawood suite'
let t: TestApp
let admin: string
let reader: string
let anna: { id: string; cookie: string }
let luca: { id: string; cookie: string }
let retired: string
let conversation: string
let noteId: string
const hook = { received: [] as string[], port: 0, close: () => {} }

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT'
const api = (method: Method, url: string, payload?: object, headers: Record<string, string> = bearer(admin)) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) })
const asAnna = () => ({ cookie: anna.cookie })
const writeNote = (body: object, headers: Record<string, string> = asAnna(), id = conversation) => api('POST', `/v1/conversations/${id}/notes`, body, headers)

before(async () => {
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      hook.received.push(body)
      response.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  hook.port = (server.address() as AddressInfo).port
  hook.close = () => server.close()

  t = await startTestApp({ delivery: { retryBaseMs: 20, maxDelayMs: 100, maxAttempts: 4 } })
  admin = t.token(['admin'])
  reader = t.token(['guest.conversation.read', 'guest.conversation.write'])
  const agent = async (name: string, email: string) => {
    const created = await api('POST', '/v1/agents', { name, email, password: PASSWORD, role: 'agent' })
    assert.equal(created.statusCode, 201, created.body)
    return { id: created.json().id as string, cookie: await signIn(t, email, PASSWORD) }
  }
  anna = await agent('Anna Keller', 'anna@alpenblick.ch')
  luca = await agent('Luca Meier', 'luca@alpenblick.ch')
  retired = (await agent('Rolf Alt', 'rolf@alpenblick.ch')).id
  assert.equal((await api('PATCH', `/v1/agents/${retired}`, { active: false })).statusCode, 200)

  const account = await api('POST', '/v1/channel-accounts', {
    channel: 'whatsapp',
    code: 'wa',
    name: 'WhatsApp Business',
    webhookUrl: `http://127.0.0.1:${hook.port}/hook`,
    webhookSecret: 'a-webhook-secret-of-some-length',
  })
  assert.equal(account.statusCode, 201, account.body)
  const pushed = await api('POST', '/v1/messages', {
    messages: [
      {
        channel: 'whatsapp',
        guest: { phone: '+41795557001' },
        direction: 'in',
        content: { type: 'text', text: 'Can I have a room with a view?' },
        // Older than the AI agent's freshness window: it leaves this guest to staff.
        createdAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      },
    ],
  })
  conversation = pushed.json().items[0].conversationId
  // Staff answer this guest.
  assert.equal((await api('PUT', `/v1/conversations/${conversation}/mode`, { mode: 'human' })).statusCode, 200)
})
after(async () => {
  hook.close()
  await t.close()
})

describe('writing a note', () => {
  it('stores it as an internal message of its author, with the agents it mentions', async () => {
    const before = (await api('GET', `/v1/conversations/${conversation}`)).json()
    const written = await writeNote({ text: NOTE, mentions: [luca.id] })
    assert.equal(written.statusCode, 201, written.body)
    const note = written.json()
    noteId = note.id
    assert.equal(note.internal, true)
    assert.deepEqual(note.sender, { type: 'agent', agentId: anna.id, name: 'Anna Keller' })
    assert.deepEqual(note.mentions, [{ id: luca.id, name: 'Luca Meier' }])
    assert.equal(note.delivery, null, 'never queued for the channel')

    // The list's row is the guest's as before: no preview, count, activity or answer from a note.
    const after = (await api('GET', `/v1/conversations/${conversation}`)).json()
    for (const field of ['lastMessagePreview', 'lastMessageAt', 'lastMessageDirection', 'lastMessageBy', 'messageCount', 'waitingSince', 'state']) {
      assert.deepEqual(after[field], before[field], field)
    }
    assert.notEqual(after.waitingSince, null, 'the guest still waits for an answer')
  })

  it('notifies each mentioned agent, never its author; the notification opens the conversation', async () => {
    const lucas = (await api('GET', '/v1/notifications', undefined, { cookie: luca.cookie })).json()
    const mention = lucas.items.find((item: { kind: string }) => item.kind === 'mention')
    assert.ok(mention, JSON.stringify(lucas))
    assert.equal(mention.conversationId, conversation)
    assert.match(mention.text, /^Anna Keller mentioned you in a note .*upgrade to the lake view/)
    await writeNote({ text: 'Reminder for myself', mentions: [anna.id] })
    const annas = (await api('GET', '/v1/notifications', undefined, asAnna())).json()
    assert.equal(annas.items.filter((item: { kind: string }) => item.kind === 'mention').length, 0)
  })

  it('refuses unknown or deactivated agents as mentions (400, nothing stored), blank text and unknown fields', async () => {
    const count = () => t.db.prepare('SELECT count(*) FROM messages WHERE internal = 1').pluck().get()
    const before = count()
    const unknown = await writeNote({ text: 'See @Nobody', mentions: ['agt_01JUNKJUNKJUNKJUNKJUNKJUNK'] })
    assert.equal(unknown.statusCode, 400)
    assert.match(unknown.json().detail, /mentions agt_01JUNKJUNKJUNKJUNKJUNKJUNK is no agent of this desk/)
    const deactivated = await writeNote({ text: 'Ask Rolf', mentions: [retired] })
    assert.equal(deactivated.statusCode, 400)
    assert.match(deactivated.json().detail, /deactivated/)
    assert.equal((await writeNote({ text: '   ' })).statusCode, 400)
    assert.equal((await writeNote({ text: 'x', mentions: [luca.id, luca.id] })).statusCode, 400)
    assert.equal((await writeNote({ text: 'x', deliver: true })).statusCode, 400)
    assert.equal(count(), before)
    assert.equal((await writeNote({ text: 'x' }, asAnna(), 'conv_01JUNKJUNKJUNKJUNKJUNKJUNK')).statusCode, 404)
  })

  it('is for signed-in staff only: an API token, even an admin one, is refused', async () => {
    for (const token of [reader, admin]) {
      const refused = await writeNote({ text: 'from a token' }, bearer(token))
      assert.equal(refused.statusCode, 400)
      assert.match(refused.json().detail, /signed-in staff, not by an API token/)
    }
    assert.equal((await writeNote({ text: 'from a token' }, bearer(t.token(['reservation.read'])))).statusCode, 403)
    assert.equal((await writeNote({ text: 'no credential' }, {})).statusCode, 401)
  })
})

describe('who sees a note', () => {
  it("is in the chat of signed-in staff, marked internal, and not in an API token's read of the same chat", async () => {
    const staff = (await api('GET', `/v1/conversations/${conversation}/messages`, undefined, { cookie: luca.cookie })).json().items
    assert.equal(staff.find((message: { id: string }) => message.id === noteId)?.internal, true)
    for (const token of [reader, admin]) {
      const items = (await api('GET', `/v1/conversations/${conversation}/messages`, undefined, bearer(token))).json().items as {
        id: string
        internal: boolean
      }[]
      assert.ok(items.length > 0)
      assert.ok(items.every((message) => !message.internal))
    }
  })

  it('does not exist for the dialects: message pages, counts and single reads', async () => {
    const unified = (
      await api('GET', `/api/unified-messaging-service/guest-conversations/${conversation}/messages?page=0&size=50`, undefined, bearer(reader))
    ).json()
    assert.equal(unified.totalElements, 1)
    assert.ok(!JSON.stringify(unified).includes('zebrawood'))
    const single = await api('GET', `/api/unified-messaging-service/guest-conversations/messages/${noteId}`, undefined, bearer(reader))
    assert.equal(single.statusCode, 404)
    const thirdParty = (await api('GET', `/3rd/conversations/${conversation}/messages?limit=50`, undefined, { 'x-access-token': reader })).json()
    assert.equal(thirdParty.count, 1)
    assert.ok(!JSON.stringify(thirdParty).includes('zebrawood'))
    assert.equal((await api('POST', `/v1/messages/${noteId}/retry-delivery`, undefined, bearer(reader))).statusCode, 404)
  })

  it('is never delivered to the channel webhook, while a staff reply after it is', async () => {
    const replied = await api('POST', `/v1/conversations/${conversation}/messages`, { text: 'Yes, a lake view room is yours.' }, asAnna())
    assert.equal(replied.statusCode, 201, replied.body)
    await eventually('the reply to reach the webhook', () => assert.equal(hook.received.length, 1))
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.equal(hook.received.length, 1)
    assert.match(hook.received[0]!, /lake view room is yours/)
    assert.ok(hook.received.every((body) => !body.includes('zebrawood') && !body.includes('Reminder for myself')))
  })

  it('is not in the CSV export nor found by a message search', async () => {
    const csv = await api('GET', `/v1/export.csv`, undefined, bearer(admin))
    assert.equal(csv.statusCode, 200)
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[]
    assert.ok(rows.length >= 2)
    assert.ok(!csv.body.includes('zebrawood'))
    const found = (await api('GET', '/v1/conversations?text=zebrawood', undefined, { cookie: luca.cookie })).json().items
    assert.deepEqual(found, [])
  })

  it('shows a staff reply as the last message, with its author; a later note changes nothing', async () => {
    const before = (await api('GET', `/v1/conversations/${conversation}`)).json()
    assert.deepEqual(before.lastMessageBy, { type: 'agent', agentId: anna.id, name: 'Anna Keller' })
    assert.equal(before.waitingSince, null)
    await writeNote({ text: 'Done, room 12' }, { cookie: luca.cookie })
    const after = (await api('GET', `/v1/conversations/${conversation}`)).json()
    assert.deepEqual(
      [after.lastMessagePreview, after.lastMessageBy, after.messageCount, after.waitingSince],
      [before.lastMessagePreview, before.lastMessageBy, before.messageCount, null],
    )
    const listed = (await api('GET', '/v1/conversations?channel=whatsapp')).json().items.find((item: { id: string }) => item.id === conversation)
    assert.deepEqual(listed.lastMessageBy, before.lastMessageBy)
  })

  it('does not count in the statistics as a reply', async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString()
    const to = new Date(Date.now() + 86_400_000).toISOString()
    const stats = async () => (await api('GET', `/v1/stats?from=${from}&to=${to}`)).json()
    const before = await stats()
    await writeNote({ text: 'One more note' })
    assert.deepEqual(await stats(), before)
  })
})
