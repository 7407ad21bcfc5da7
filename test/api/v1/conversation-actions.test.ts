import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, tempDir, type TestApp } from '../../support/test-app.js'

const NOW = Date.parse('2026-03-10T12:00:00Z')
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString()

let t: TestApp
let token: string
let cookie: string
let chat: string
let call: string
let stranger: string

before(async () => {
  t = await startTestApp({ clock: () => NOW })
  token = t.token(['admin'])
  const setup = await t.app.inject({
    method: 'POST',
    url: '/v1/setup',
    payload: {
      property: { name: 'Hotel Lago', defaultCountry: 'CH', timeZone: 'Europe/Zurich' },
      admin: { name: 'Sara Brunner', email: 'sara@lago.ch', password: 'lakeside view 1' },
    },
  })
  cookie = String([setup.headers['set-cookie']].flat()[0]).split(';')[0]!
  const push = async (message: object) =>
    (await t.app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(token), payload: { messages: [message] } })).json()[0].conversationId
  chat = await push(pushedMessage({ phone: '+41795550001', at: minutesAgo(30), text: 'Is breakfast included?' }))
  await push(pushedMessage({ phone: '+41795550001', at: minutesAgo(20), text: 'And parking?' }))
  call = await push(pushedMessage({ phone: '+41795550001', at: minutesAgo(60), platform: 'PHONE_CALL', text: 'Caller asked for a late check-in' }))
  stranger = await push(pushedMessage({ email: 'someone@example.com', at: minutesAgo(5) }))
  await t.app.inject({
    method: 'POST',
    url: '/v1/reservations',
    headers: bearer(token),
    payload: {
      confirmationNumber: 'LG-77',
      guest: { firstName: 'Marco', lastName: 'Bianchi', phone: '079 555 00 01', language: 'it' },
      arrival: '2026-03-12',
      departure: '2026-03-15',
      room: '31',
      status: 'confirmed',
    },
  })
})
after(() => t.close())

describe('POST /v1/conversations/:id/messages (a reply)', () => {
  it('stores the reply as sent by the signed-in agent, through the one ingest path', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${chat}/messages`,
      headers: { cookie },
      payload: { text: 'Yes, breakfast is included.' },
    })
    assert.equal(response.statusCode, 201, response.body)
    const message = response.json()
    assert.equal(message.direction, 'out')
    assert.deepEqual(message.content, { type: 'text', text: 'Yes, breakfast is included.' })
    assert.equal(message.sender.type, 'agent')
    assert.equal(message.sender.name, 'Sara Brunner')

    const conversation = (await t.app.inject({ url: `/v1/conversations/${chat}`, headers: { cookie } })).json()
    assert.equal(conversation.lastMessagePreview, 'Yes, breakfast is included.')
    assert.equal(conversation.messageCount, 3)

    const vendor = (await t.app.inject({ url: `/api/unified-messaging-service/guest-conversations/${chat}/messages?size=10`, headers: bearer(token) })).json()
    assert.deepEqual(
      vendor.content.map((m: { direction: string }) => m.direction),
      ['RECEIVED', 'RECEIVED', 'SENT'],
    )
  })

  it('is refused on a phone-call transcript, which has no reply channel', async () => {
    const response = await t.app.inject({ method: 'POST', url: `/v1/conversations/${call}/messages`, headers: { cookie }, payload: { text: 'Hello' } })
    assert.equal(response.statusCode, 409)
    assert.match(response.json().detail, /no reply channel/)
    const policy = (await t.app.inject({ url: `/v1/conversations/${call}`, headers: { cookie } })).json().replyPolicy
    assert.deepEqual([policy.canReply, policy.reason, policy.afterWindow.reason], [false, 'no-reply-channel', 'no-reply-channel'])
  })

  it('refuses blank or oversized text, and unknown conversations', async () => {
    const post = (id: string, payload: object) => t.app.inject({ method: 'POST', url: `/v1/conversations/${id}/messages`, headers: { cookie }, payload })
    assert.equal((await post(chat, { text: '   ' })).statusCode, 400)
    assert.equal((await post(chat, { text: 'x'.repeat(5001) })).statusCode, 400)
    assert.equal((await post(chat, {})).statusCode, 400)
    assert.equal((await post('conv_nope', { text: 'Hi' })).statusCode, 404)
  })

  it('needs a credential with guest.conversation.write', async () => {
    const read = t.token(['guest.conversation.read'])
    assert.equal((await t.app.inject({ method: 'POST', url: `/v1/conversations/${chat}/messages`, payload: { text: 'Hi' } })).statusCode, 401)
    assert.equal(
      (await t.app.inject({ method: 'POST', url: `/v1/conversations/${chat}/messages`, headers: bearer(read), payload: { text: 'Hi' } })).statusCode,
      403,
    )
  })
})

describe('POST /v1/conversations/:id/read', () => {
  it('sets the unread count to zero and tells live listeners', async () => {
    const events: string[] = []
    const unsubscribe = t.app.events.subscribe((event) => events.push(`${event.type}:${'conversationId' in event ? event.conversationId : ''}`))
    const before = (await t.app.inject({ url: `/v1/conversations/${stranger}`, headers: { cookie } })).json()
    assert.equal(before.unreadCount, 1)
    const response = await t.app.inject({ method: 'POST', url: `/v1/conversations/${stranger}/read`, headers: { cookie } })
    assert.equal(response.statusCode, 204)
    assert.equal((await t.app.inject({ url: `/v1/conversations/${stranger}`, headers: { cookie } })).json().unreadCount, 0)
    // Reading it again changes nothing and tells nobody.
    await t.app.inject({ method: 'POST', url: `/v1/conversations/${stranger}/read`, headers: { cookie } })
    unsubscribe()
    assert.deepEqual(events, [`conversation.updated:${stranger}`])
  })

  it('answers an unknown conversation with 404', async () => {
    assert.equal((await t.app.inject({ method: 'POST', url: '/v1/conversations/conv_nope/read', headers: { cookie } })).statusCode, 404)
  })
})

describe('GET /v1/conversations/:id/guest (the side panel)', () => {
  it("shows the profile, its reservation and the guest's other conversations", async () => {
    const response = await t.app.inject({ url: `/v1/conversations/${chat}/guest`, headers: { cookie } })
    assert.equal(response.statusCode, 200, response.body)
    const panel = response.json()
    assert.deepEqual([panel.profile.firstName, panel.profile.lastName, panel.profile.language], ['Marco', 'Bianchi', 'it'])
    assert.deepEqual(panel.profile.identities, [{ type: 'phone', value: '+41795550001' }])
    assert.deepEqual(
      panel.reservations.map((r: { confirmationNumber: string; room: string }) => [r.confirmationNumber, r.room]),
      [['LG-77', '31']],
    )
    assert.deepEqual(
      panel.otherConversations.map((c: { id: string }) => c.id),
      [call],
    )
  })

  it('without a profile, shows the identity and nothing booked', async () => {
    const panel = (await t.app.inject({ url: `/v1/conversations/${stranger}/guest`, headers: { cookie } })).json()
    assert.equal(panel.profile, null)
    assert.deepEqual(panel.identity, { type: 'email', value: 'someone@example.com' })
    assert.deepEqual(panel.reservations, [])
    assert.deepEqual(panel.otherConversations, [])
  })

  it('leaves reservations out for a token without reservation.read', async () => {
    const panel = (await t.app.inject({ url: `/v1/conversations/${chat}/guest`, headers: bearer(t.token(['guest.conversation.read'])) })).json()
    assert.equal(panel.profile.firstName, 'Marco')
    assert.deepEqual(panel.reservations, [])
  })

  it('answers an unknown conversation with 404', async () => {
    assert.equal((await t.app.inject({ url: '/v1/conversations/conv_nope/guest', headers: { cookie } })).statusCode, 404)
  })
})

describe('GET /v1/conversations?lead=true', () => {
  it('lists only conversations with a captured lead', async () => {
    t.app.leads.capture(t.app.store.conversations.get(stranger)!)
    const withLead = (await t.app.inject({ url: '/v1/conversations?lead=true', headers: { cookie } })).json().items
    assert.deepEqual(
      withLead.map((c: { id: string }) => c.id),
      [stranger],
    )
    assert.equal(withLead[0].lead.status, 'new')
    const without = (await t.app.inject({ url: '/v1/conversations?lead=false', headers: { cookie } })).json().items
    assert.ok(!without.some((c: { id: string }) => c.id === stranger))
    assert.equal((await t.app.inject({ url: '/v1/conversations?lead=maybe', headers: { cookie } })).statusCode, 400)
  })
})

describe('the inbox UI at /', () => {
  it('serves the built app at its own addresses, with assets cached for good', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Frontdesk Inbox</title><script type="module" src="/assets/app-1.js"></script>')
    writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log(1)')
    const ui = await startTestApp({ rendererDir: dir })
    try {
      for (const url of ['/', '/sign-in', '/setup', '/agents', '/conversations/conv_1']) {
        const page = await ui.app.inject({ url })
        assert.equal(page.statusCode, 200, url)
        assert.match(page.body, /Frontdesk Inbox/)
        assert.equal(page.headers['cache-control'], 'no-store')
        const csp = String(page.headers['content-security-policy'])
        for (const directive of ["default-src 'self'", "script-src 'self';", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'"])
          assert.ok(csp.includes(directive), directive)
        assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*unsafe-inline/)
      }
      const asset = await ui.app.inject({ url: '/assets/app-1.js' })
      assert.equal(asset.statusCode, 200)
      assert.match(String(asset.headers['cache-control']), /immutable/)
      assert.equal((await ui.app.inject({ url: '/assets/missing.js' })).statusCode, 404)
      assert.equal((await ui.app.inject({ url: '/v1/nothing-here' })).headers['content-type'], 'application/problem+json; charset=utf-8')
    } finally {
      await ui.close()
    }
  })

  it('says how to build it when it is not built', async () => {
    const ui = await startTestApp({ rendererDir: tempDir() })
    try {
      const page = await ui.app.inject({ url: '/' })
      assert.equal(page.statusCode, 503)
      assert.match(page.body, /npm run build:renderer/)
    } finally {
      await ui.close()
    }
  })
})
