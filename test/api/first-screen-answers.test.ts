import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { FIRST_SCREEN_ELEMENT_ID, type FirstScreenAnswer } from '../../local-api/plugins/first-screen-answers.js'
import { signIn } from '../support/sessions.js'
import { bearer, PUSH_URL, pushedMessage, startTestApp, tempDir, type TestApp } from '../support/test-app.js'

// The inbox's page carries the answers to its first screen's API requests: exactly what those
// requests would get with the page request's own credentials, and nothing a guest wrote can break
// out of the element that carries them.
const INDEX =
  '<!doctype html><html><head><title>Frontdesk Inbox</title><script type="module" src="/assets/app-1.js"></script></head><body><div id="root"></div></body></html>'
const ESCAPE_ATTEMPT = 'Hi </script><script>alert(document.cookie)</script><!-- <b>'

let t: TestApp
let admin: string
let cookie: string
let conversationA: string
let conversationB: string
let propertyB: string
let tokenB: string
before(async () => {
  const rendererDir = tempDir()
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'index.html'), INDEX)
  t = await startTestApp({ rendererDir })
  admin = t.token(['admin'])
  await t.app.inject({
    method: 'POST',
    url: '/v1/agents',
    headers: bearer(admin),
    payload: { name: 'Luca Meier', email: 'luca@alpenblick.ch', password: 'front desk 2026', role: 'agent' },
  })
  cookie = await signIn(t, 'luca@alpenblick.ch', 'front desk 2026')
  propertyB = (await t.app.inject({ method: 'POST', url: '/v1/properties', headers: bearer(admin), payload: { name: 'Hotel B', defaultCountry: 'CH' } })).json()
    .id as string
  tokenB = t.token(undefined, propertyB)
  const pushed = await t.app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(admin), payload: { messages: [pushedMessage({ text: ESCAPE_ATTEMPT })] } })
  conversationA = pushed.json()[0].conversationId
  const pushedB = await t.app.inject({
    method: 'POST',
    url: PUSH_URL,
    headers: bearer(tokenB),
    payload: { messages: [pushedMessage({ phone: '+41795550777', text: 'B asks' })] },
  })
  conversationB = pushedB.json()[0].conversationId
  // The AI agent hands both guests over, with a message of its own after theirs.
  await t.app.aiAgent.idle()
})
after(() => t.close())

/** The page at `url` and the answers it carries (the element must parse whole: nothing closed it early). */
async function pageAt(url: string, headers: Record<string, string> = {}) {
  const page = await t.app.inject({ url, headers })
  const opening = `<script type="application/json" id="${FIRST_SCREEN_ELEMENT_ID}">`
  const start = page.body.indexOf(opening)
  assert.ok(start > 0, 'the page carries the answers')
  const end = page.body.indexOf('</script>', start)
  const answers = JSON.parse(page.body.slice(start + opening.length, end)) as Record<string, FirstScreenAnswer>
  return { page, answers, rest: page.body.slice(end) }
}

describe("the inbox's page and its first screen's answers", () => {
  it('signed out: the setup status, and refusals of everything else', async () => {
    const { page, answers } = await pageAt('/')
    assert.equal(page.statusCode, 200)
    assert.equal(answers['/v1/setup']!.status, 200)
    assert.equal(answers['/v1/session']!.status, 401)
    assert.equal(answers['/v1/conversations?view=needs_reply&limit=50']!.status, 401)
    assert.doesNotMatch(page.body, /alert|B asks/)
  })

  it("signed in: the list's first page as the API gives it, and a chat's messages and summary at its address", async () => {
    const inbox = await pageAt('/', { cookie })
    const list = (await t.app.inject({ url: '/v1/conversations?view=needs_reply&limit=50', headers: { cookie } })).json()
    assert.deepEqual(inbox.answers['/v1/conversations?view=needs_reply&limit=50'], { status: 200, body: list })
    assert.equal(inbox.answers['/v1/session']!.status, 200)
    assert.ok(inbox.answers['/v1/properties'] && inbox.answers['/v1/outlets'])
    assert.deepEqual(inbox.answers['/v1/conversation-channels'], {
      status: 200,
      body: (await t.app.inject({ url: '/v1/conversation-channels', headers: { cookie } })).json(),
    })

    const chat = await pageAt(`/conversations/${conversationA}`, { cookie })
    const messages = chat.answers[`/v1/conversations/${conversationA}/messages?limit=50`]!
    assert.equal(messages.status, 200)
    assert.deepEqual(
      (messages.body as { items: { content: { text: string } }[] }).items.map((m) => m.content.text),
      ["I've passed this to our front desk; a colleague will reply shortly.", ESCAPE_ATTEMPT],
    )
    assert.equal(chat.answers[`/v1/conversations/${conversationA}`]!.status, 200)
    // Other screens need none of the inbox's data.
    assert.deepEqual(Object.keys((await pageAt('/agents', { cookie })).answers), ['/v1/setup', '/v1/session'])
  })

  it("a guest's words cannot close the element or add markup: every < in it is escaped", async () => {
    const { page, rest } = await pageAt(`/conversations/${conversationA}`, { cookie })
    assert.equal(page.body.split('<script').length, INDEX.split('<script').length + 1, 'no script element beyond the page’s own and the answers')
    assert.ok(rest.startsWith('</script>\n</body>'), 'the page goes on as built after the answers')
    assert.doesNotMatch(page.body, /<\/script><script>alert/)
  })

  it("a property-bound token's page holds only its property", async () => {
    const { answers } = await pageAt('/', bearer(tokenB))
    const items = (answers['/v1/conversations?view=needs_reply&limit=50']!.body as { items: { id: string; propertyId: string }[] }).items
    assert.deepEqual(
      items.map((item) => [item.id, item.propertyId]),
      [[conversationB, propertyB]],
    )
  })

  it('is never stored by the browser cache, and carries the same security headers', async () => {
    const page = await t.app.inject({ url: '/', headers: { cookie } })
    assert.equal(page.headers['cache-control'], 'no-store')
    assert.match(String(page.headers['content-security-policy']), /script-src 'self';/)
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8')
  })
})
