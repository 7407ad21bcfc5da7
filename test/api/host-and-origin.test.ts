import assert from 'node:assert/strict'
import { once } from 'node:events'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { allowedHostEntry, parseHostHeader, publicBaseUrl } from '../../local-api/domain/host-names.js'
import { buildServer, type App, type ServerConfig } from '../../local-api/server.js'
import { createApiToken } from '../../local-api/services/api-tokens.js'
import { startServer } from '../../local-api/start-server.js'
import { eventually } from '../support/eventually.js'
import { bearer, PUSH_URL, pushedMessage, tempDir } from '../support/test-app.js'

const ADMIN = { name: 'Anna Keller', email: 'anna@alpenblick.ch', password: 'correct horse battery staple' }
const SETUP = { property: { name: 'Hotel Alpenblick', defaultCountry: 'CH', timeZone: 'Europe/Zurich' }, admin: ADMIN }

/** A built server on a fresh data dir (with a one-file renderer), not yet ready: tests may add hooks first. */
async function build(config: Partial<ServerConfig> = {}): Promise<App> {
  const dataDir = tempDir('frontdesk-host-')
  const rendererDir = join(dataDir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Frontdesk Inbox</title>')
  return buildServer({ dataDir, rendererDir, defaultCountry: 'CH', ...config })
}

const cookieOf = (headers: IncomingHttpHeaders | Record<string, unknown>) =>
  String([headers['set-cookie']].flat().find((value) => String(value).startsWith('frontdesk_session='))).split(';')[0]!

/** An HTTP request over a real socket on 127.0.0.1 with exactly these headers (Host included). */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, setHost: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Writes raw bytes to 127.0.0.1:port; resolves with what came back once the server closes the connection. */
function rawUntilClosed(port: number, bytes: string, closeWithinMs: number) {
  return new Promise<{ received: string; closedAfterMs: number }>((resolve, reject) => {
    const started = Date.now()
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes))
    let received = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (received += chunk))
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`the server kept the connection open for ${closeWithinMs} ms; received: ${received}`))
    }, closeWithinMs)
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({ received, closedAfterMs: Date.now() - started })
    })
    socket.on('error', () => {})
  })
}

const FORGED_HOSTS = [
  'evil.example',
  'evil.example:4780',
  'localhost.evil.example',
  '127.0.0.1.evil.example:4780',
  'evil.example@127.0.0.1',
  '127.0.0.1:4780@evil.example',
  'localhost:4780/evil',
  'localhost:notaport',
  '[::1',
  '192.168.1.20',
]

describe('the Host header allow-list', () => {
  let app: App
  let admin: string
  let writer: string
  let cookie: string
  let handlerRuns = 0
  before(async () => {
    app = await build()
    app.addHook('preHandler', async () => {
      handlerRuns++
    })
    await app.ready()
    admin = createApiToken(app.store, { name: 'admin', scopes: ['admin'] }).token
    writer = createApiToken(app.store, { name: 'writer', scopes: ['guest.conversation.write', 'guest.conversation.read'] }).token
  })
  after(() => app.close())

  const ROUTES = [
    { what: 'setup (read)', method: 'GET', url: '/v1/setup' },
    { what: 'setup', method: 'POST', url: '/v1/setup', payload: SETUP },
    { what: 'sign-in', method: 'POST', url: '/v1/session', payload: { email: ADMIN.email, password: ADMIN.password } },
    {
      what: 'an admin route',
      method: 'POST',
      url: '/v1/agents',
      auth: 'admin',
      payload: { name: 'Eve', email: 'eve@evil.example', password: 'a long enough password 1', role: 'admin' },
    },
    { what: 'a dialect route', method: 'POST', url: PUSH_URL, auth: 'writer', payload: { messages: [pushedMessage()] } },
    { what: 'the event stream', method: 'GET', url: '/v1/events', auth: 'writer' },
    { what: 'the API docs', method: 'GET', url: '/docs' },
    { what: 'the OpenAPI document', method: 'GET', url: '/docs/json' },
    { what: 'the inbox (renderer)', method: 'GET', url: '/' },
    { what: 'an unknown URL', method: 'GET', url: '/nothing-here' },
    { what: 'health', method: 'GET', url: '/v1/health' },
  ] as const

  it('answers 421 problem+json to every route for a Host that is not the desk, before any handler runs', async () => {
    const runsBefore = handlerRuns
    for (const route of ROUTES) {
      for (const host of FORGED_HOSTS) {
        const headers: Record<string, string> = { host }
        if ('auth' in route) Object.assign(headers, bearer(route.auth === 'admin' ? admin : writer))
        const response = await app.inject({ method: route.method, url: route.url, headers, ...('payload' in route ? { payload: route.payload } : {}) })
        assert.equal(response.statusCode, 421, `${route.what} with Host ${host}: ${response.body}`)
        assert.match(String(response.headers['content-type']), /^application\/problem\+json/)
        assert.equal(response.json().title, 'Misdirected Request')
      }
    }
    assert.equal(handlerRuns, runsBefore, 'no route ran')
    assert.equal((await app.inject({ url: '/v1/setup' })).json().needsSetup, true, 'setup was not applied')
    assert.equal(app.store.agents.count(), 0)
  })

  it('answers the loopback names, any port, any case', async () => {
    for (const host of ['127.0.0.1', '127.0.0.1:4780', 'localhost', 'LOCALHOST:80', 'localhost:5173', '[::1]', '[::1]:4780', '[0:0:0:0:0:0:0:1]:4780']) {
      const response = await app.inject({ url: '/v1/health', headers: { host } })
      assert.equal(response.statusCode, 200, `Host ${host}`)
    }
    assert.equal((await app.inject({ url: '/', headers: { host: '127.0.0.1:4780' } })).statusCode, 200)
    assert.equal((await app.inject({ url: '/docs/json', headers: { host: 'localhost' } })).statusCode, 200)
  })

  it('refuses a request without a Host header (HTTP/1.0 over a real socket)', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as AddressInfo
    const { received } = await rawUntilClosed(port, 'GET /v1/health HTTP/1.0\r\n\r\n', 5000)
    assert.match(received, /^HTTP\/1\.1 421 /)
    assert.match(received, /no Host header/)
  })

  describe('Origin', () => {
    before(async () => {
      const response = await app.inject({ method: 'POST', url: '/v1/setup', payload: SETUP })
      assert.equal(response.statusCode, 201, response.body)
      cookie = cookieOf(response.headers)
    })

    it('a foreign Origin cannot set the desk up or sign in (login CSRF), even with a matching Host', async () => {
      const fresh = await build()
      await fresh.ready()
      try {
        for (const origin of ['http://evil.example', 'http://localhost.evil.example', 'null', 'http://127.0.0.1.evil.example:4780']) {
          const host = origin === 'null' ? 'localhost' : new URL(origin).host
          const setup = await fresh.inject({ method: 'POST', url: '/v1/setup', headers: { origin, host: 'localhost' }, payload: SETUP })
          assert.equal(setup.statusCode, 403, `setup from ${origin}`)
          const signIn = await app.inject({
            method: 'POST',
            url: '/v1/session',
            headers: { origin, host: 'localhost' },
            payload: { email: ADMIN.email, password: ADMIN.password },
          })
          assert.equal(signIn.statusCode, 403, `sign-in from ${origin}`)
          assert.equal(signIn.headers['set-cookie'], undefined)
          // The page's own name as Host does not help: that is a 421.
          if (origin !== 'null')
            assert.equal((await fresh.inject({ method: 'POST', url: '/v1/setup', headers: { origin, host }, payload: SETUP })).statusCode, 421)
        }
        assert.equal(fresh.store.agents.count(), 0, 'nothing was set up')
      } finally {
        await fresh.close()
      }
    })

    it("a cookie request from a foreign Origin is refused; the inbox's own Origin (the port it listens on) is accepted", async () => {
      const { port } = app.server.address() as AddressInfo
      const post = (origin: string | undefined) =>
        send(port, '/v1/conversations/conv_none/read', { method: 'POST', headers: { host: `127.0.0.1:${port}`, cookie, ...(origin ? { origin } : {}) } })
      for (const origin of [
        'http://evil.example',
        `http://localhost:${port + 1}`,
        `https://127.0.0.1:${port}`,
        'null',
        `http://127.0.0.1:${port}/`,
        'http://localhost',
      ]) {
        const response = await post(origin)
        assert.equal(response.status, 403, `Origin ${origin}: ${response.body}`)
        assert.match(response.body, /cross-origin/)
      }
      // Allowed: the desk's own names on its own port, and clients that send no Origin (not browsers).
      for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`, undefined]) {
        assert.equal((await post(origin)).status, 404, `Origin ${origin} reaches the route (no such conversation)`)
      }
    })

    it("compares the Origin with the allow-list, not with the request's own Host", async () => {
      // Host and Origin agree, as a rebinding page's would: still refused (and the Host alone is a 421).
      const response = await app.inject({
        method: 'POST',
        url: '/v1/session',
        headers: { host: 'localhost:4780', origin: 'http://localhost.evil.example:4780' },
        payload: { email: ADMIN.email, password: ADMIN.password },
      })
      assert.equal(response.statusCode, 403)
      // The Host is 127.0.0.1, the Origin another of the desk's names on the port it listens on: accepted.
      const { port } = app.server.address() as AddressInfo
      const ok = await app.inject({
        method: 'POST',
        url: '/v1/session',
        headers: { host: '127.0.0.1', origin: `http://localhost:${port}` },
        payload: { email: ADMIN.email, password: ADMIN.password },
      })
      assert.equal(ok.statusCode, 200, ok.body)
    })

    it('a token request from a web page of another origin is refused too; reads are not affected', async () => {
      const pushed = await app.inject({
        method: 'POST',
        url: PUSH_URL,
        headers: { ...bearer(writer), origin: 'http://evil.example' },
        payload: { messages: [pushedMessage()] },
      })
      assert.equal(pushed.statusCode, 403)
      assert.equal((await app.inject({ url: '/v1/conversations', headers: { ...bearer(writer), origin: 'http://evil.example' } })).statusCode, 200)
      assert.equal((await app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(writer), payload: { messages: [pushedMessage()] } })).statusCode, 201)
    })

    it("an admin route refuses a forged Origin with the admin's cookie", async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/agents',
        headers: { cookie, origin: 'http://evil.example' },
        payload: { name: 'Eve', email: 'eve@evil.example', password: 'a long enough password 1', role: 'admin' },
      })
      assert.equal(response.statusCode, 403)
      assert.equal(app.store.agents.count(), 1)
    })
  })
})

describe('names given with --allowed-host, --host and --public-url', () => {
  it('--allowed-host names (and addresses, IPv6 too) are answered; others still are not', async () => {
    const app = await build({ allowedHosts: ['desk.hotel.lan', '192.168.1.20', 'fe80::1'] })
    await app.ready()
    try {
      for (const host of ['desk.hotel.lan', 'DESK.Hotel.LAN:4780', '192.168.1.20:4780', '[fe80:0::1]:4780', 'localhost']) {
        assert.equal((await app.inject({ url: '/v1/health', headers: { host } })).statusCode, 200, host)
      }
      for (const host of ['hotel.lan', 'desk.hotel.lan.evil.example', '192.168.1.21']) {
        assert.equal((await app.inject({ url: '/v1/health', headers: { host } })).statusCode, 421, host)
      }
      const signIn = await app.inject({
        method: 'POST',
        url: '/v1/session',
        headers: { host: 'desk.hotel.lan:4780', origin: 'http://desk.hotel.lan:4780' },
        payload: { email: 'x@y.z', password: 'x' },
      })
      assert.equal(signIn.statusCode, 401, "the allowed name's Origin passes (wrong password)")
    } finally {
      await app.close()
    }
  })

  it('startServer allows the address it listens on (--host), e.g. 127.0.0.2', async () => {
    const dataDir = tempDir('frontdesk-host-listen-')
    const server = await startServer({ dataDir, port: 0, host: '127.0.0.2' })
    try {
      const port = Number(new URL(server.url).port)
      const own = await new Promise<number>((resolve, reject) =>
        httpRequest({ host: '127.0.0.2', port, path: '/v1/health' }, (res) => resolve(res.statusCode!))
          .on('error', reject)
          .end(),
      )
      assert.equal(own, 200)
      assert.ok(server.app.hostPolicy.hosts.has('127.0.0.2'))
      assert.equal(server.app.hostPolicy.hostAllowed('192.168.1.20:4780'), false)
    } finally {
      await server.close()
    }
  })

  it('--public-url: its host is answered, its origin accepted, and the links the API builds use it', async () => {
    const app = await build({ publicUrl: 'https://desk.example' })
    await app.ready()
    try {
      const token = createApiToken(app.store, { name: 'reader', scopes: ['guest.conversation.write', 'guest.conversation.read'] }).token
      assert.equal((await app.inject({ url: '/v1/health', headers: { host: 'desk.example' } })).statusCode, 200)
      const pushed = await app.inject({
        method: 'POST',
        url: PUSH_URL,
        headers: { ...bearer(token), host: 'localhost:9999', origin: 'https://desk.example' },
        payload: { messages: [pushedMessage({ phone: '+41795550101' })] },
      })
      assert.equal(pushed.statusCode, 201, pushed.body)
      const property = app.store.properties.first()!.id
      const links = await app.inject({
        url: `/3rd/conversations/links?phone_numbers=%2B41795550101&organization_id=${property}`,
        headers: { 'x-access-token': token, host: 'localhost:9999' },
      })
      assert.equal(links.statusCode, 200, links.body)
      assert.equal(links.json()[0].conversation_links[0].link, `https://desk.example/conversations/${pushed.json()[0].conversationId}`)
    } finally {
      await app.close()
    }
  })

  it('without --public-url, links use the loopback address the server listens on, whatever the Host says', async () => {
    const dataDir = tempDir('frontdesk-host-links-')
    const server = await startServer({ dataDir, port: 0, allowedHosts: ['desk.hotel.lan'] })
    try {
      const port = Number(new URL(server.url).port)
      const token = createApiToken(server.app.store, { name: 'reader', scopes: ['guest.conversation.write', 'guest.conversation.read'] }).token
      const body = JSON.stringify({ messages: [pushedMessage({ phone: '+41795550102' })] })
      const pushed = await send(port, PUSH_URL, {
        method: 'POST',
        headers: { host: `127.0.0.1:${port}`, ...bearer(token), 'content-type': 'application/json' },
        body,
      })
      assert.equal(pushed.status, 201, pushed.body)
      const property = server.app.store.properties.first()!.id
      const links = await send(port, `/3rd/conversations/links?phone_numbers=%2B41795550102&organization_id=${property}`, {
        headers: { host: 'desk.hotel.lan:1234', 'x-access-token': token },
      })
      assert.equal(links.status, 200, links.body)
      assert.match(JSON.parse(links.body)[0].conversation_links[0].link, new RegExp(`^http://127\\.0\\.0\\.1:${port}/conversations/conv_`))
    } finally {
      await server.close()
    }
  })

  it('webhook payloads carry files stored on the desk as absolute URLs under the public URL', async () => {
    const received: { message: { id: string; content: { url: string } } }[] = []
    const receiver = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk) => (body += chunk))
      request.on('end', () => {
        received.push(JSON.parse(body))
        response.writeHead(200).end()
      })
    })
    receiver.listen(0, '127.0.0.1')
    await once(receiver, 'listening')
    const app = await build({ publicUrl: 'http://192.168.1.20:4780', delivery: { retryBaseMs: 20, maxDelayMs: 100 } })
    await app.ready()
    try {
      const admin = createApiToken(app.store, { name: 'admin', scopes: ['admin'] }).token
      const hookPort = (receiver.address() as AddressInfo).port
      const account = await app.inject({
        method: 'POST',
        url: '/v1/channel-accounts',
        headers: bearer(admin),
        payload: {
          channel: 'whatsapp',
          code: 'wa',
          name: 'WhatsApp',
          webhookUrl: `http://127.0.0.1:${hookPort}/hook`,
          webhookSecret: 'a-webhook-secret-of-some-length',
        },
      })
      assert.equal(account.statusCode, 201, account.body)
      const pushed = await app.inject({
        method: 'POST',
        url: '/v1/messages',
        headers: bearer(admin),
        payload: {
          messages: [
            {
              channel: 'whatsapp',
              guest: { phone: '+41795557777' },
              direction: 'in',
              content: { type: 'text', text: 'Hi' },
              createdAt: new Date().toISOString(),
            },
          ],
        },
      })
      const conversationId = pushed.json().items[0].conversationId
      const file = await app.inject({
        method: 'POST',
        url: '/v1/attachments?name=map.png',
        headers: { ...bearer(admin), 'content-type': 'image/png', host: 'localhost:9999' },
        payload: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      })
      assert.equal(file.statusCode, 201, file.body)
      const reply = await app.inject({
        method: 'POST',
        url: `/v1/conversations/${conversationId}/messages`,
        headers: { ...bearer(admin), host: 'localhost:9999' },
        payload: { content: { type: 'image', url: file.json().url } },
      })
      assert.equal(reply.statusCode, 201, reply.body)
      // (The AI agent's handover words to the guest go out through the webhook too.)
      const replyAtHook = () => received.find((payload) => payload.message.id === reply.json().id)
      await eventually('the reply at the webhook', () => assert.ok(replyAtHook()), { timeoutMs: 5_000 })
      assert.equal(replyAtHook()?.message.content.url, `http://192.168.1.20:4780${file.json().url}`)
      // What the desk stores and shows stays relative.
      assert.equal(
        app.store.messages.get(reply.json().id)!.content.type === 'image' && (app.store.messages.get(reply.json().id)!.content as { url: string }).url,
        file.json().url,
      )
    } finally {
      await app.close()
      receiver.close()
    }
  })

  it('host names are parsed, not matched as text', () => {
    assert.deepEqual(parseHostHeader('LocalHost:4780'), { host: 'localhost', port: 4780 })
    assert.deepEqual(parseHostHeader('[0::1]'), { host: '[::1]', port: null })
    for (const bad of [undefined, '', 'a b', 'evil@127.0.0.1', '127.0.0.1:99999', '::1', '[::1]x', 'host:1:2', 'x/y'])
      assert.equal(parseHostHeader(bad), null, String(bad))
    assert.equal(allowedHostEntry('::1'), '[::1]')
    assert.equal(allowedHostEntry(' Desk.Local '), 'desk.local')
    for (const bad of ['http://desk.local', 'desk.local:4780', 'a b', '']) assert.throws(() => allowedHostEntry(bad), RangeError, bad)
    assert.equal(publicBaseUrl('http://192.168.1.20:4780/'), 'http://192.168.1.20:4780')
    for (const bad of ['desk.local', 'ftp://desk.local', 'http://desk.local/inbox', 'http://u:p@desk.local'])
      assert.throws(() => publicBaseUrl(bad), RangeError, bad)
  })
})

describe('authentication before the body', () => {
  let app: App
  let parsedBodies = 0
  let token: string
  before(async () => {
    app = await build()
    app.addHook('preValidation', async () => {
      parsedBodies++
    })
    await app.ready()
    token = createApiToken(app.store, { name: 'writer', scopes: ['guest.conversation.write', 'guest.conversation.read'] }).token
  })
  after(() => app.close())

  // Just under the 4 MiB body limit: 500k levels of nesting.
  const depth = 500_000
  const nested = `${'{"a":['.repeat(depth)}${']}'.repeat(depth)}`

  it('an unauthenticated 4 MB deeply nested body is a 401, never parsed or validated', async () => {
    assert.ok(nested.length > 3_500_000 && nested.length < 4 * 1024 * 1024)
    const before = parsedBodies
    for (const headers of [{}, bearer('junk-token'), { 'x-access-token': 'junk' }, { cookie: 'frontdesk_session=junk' }]) {
      for (const url of [PUSH_URL, '/v1/messages', '/v1/agents', '/api/onsite-account/acc1/text-call']) {
        const response = await app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: nested })
        assert.equal(response.statusCode, 401, `${url} ${JSON.stringify(headers)}: ${response.body.slice(0, 200)}`)
      }
    }
    assert.equal(parsedBodies, before, 'no body reached validation')
  })

  it('a body that would be a 400 gets a 401 without a credential, a 400 with one', async () => {
    const invalid = { messages: [{ not: 'a message' }] }
    const without = await app.inject({ method: 'POST', url: PUSH_URL, payload: invalid })
    assert.equal(without.statusCode, 401)
    const withToken = await app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(token), payload: invalid })
    assert.equal(withToken.statusCode, 400)
    assert.ok(parsedBodies > 0, 'the counter does count validated bodies')
  })

  it('routes that authenticate from the body (sign-in, setup, Interactive) take at most 64 KB', async () => {
    const big = JSON.stringify({ email: 'x@y.z', password: 'p'.repeat(70 * 1024) })
    for (const url of ['/v1/session', '/v1/setup', '/API/V40/Interactive/Messages/Conversations']) {
      assert.equal((await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: big })).statusCode, 413, url)
    }
    const interactive = await app.inject({
      method: 'POST',
      url: '/API/V40/Interactive/Messages/Conversations',
      payload: { message: 'Hi', sessionToken: 'junk' },
    })
    assert.equal(interactive.statusCode, 401)
    assert.equal(interactive.json().status, 'Error', 'the Interactive dialect keeps its own error shape')
  })

  it("junk credentials share their address's rate-limit bucket; a live token has its own", async () => {
    const limited = await build({ rateLimitPerMinute: 3 })
    await limited.ready()
    try {
      const live = createApiToken(limited.store, { name: 'reader', scopes: ['guest.conversation.read'] }).token
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) statuses.push((await limited.inject({ url: '/v1/conversations', headers: bearer(`junk-${i}`) })).statusCode)
      assert.deepEqual(statuses, [401, 401, 401, 429, 429], 'a fresh junk token buys no fresh bucket')
      assert.equal((await limited.inject({ url: '/v1/conversations', headers: { cookie: 'frontdesk_session=junk' } })).statusCode, 429)
      assert.equal((await limited.inject({ url: '/v1/conversations', headers: bearer(live) })).statusCode, 200)
    } finally {
      await limited.close()
    }
  })
})

describe('request timeouts', () => {
  let app: App
  let port: number
  let token: string
  before(async () => {
    app = await build({ requestTimeoutMs: 400 })
    await app.ready()
    await app.listen({ port: 0, host: '127.0.0.1' })
    port = (app.server.address() as AddressInfo).port
    token = createApiToken(app.store, { name: 'writer', scopes: ['guest.conversation.write', 'guest.conversation.read'] }).token
  })
  after(() => app.close())

  it('closes a connection whose body trickles in too slowly', async () => {
    const head = `POST /v1/session HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":`
    const { received, closedAfterMs } = await rawUntilClosed(port, head, 5000)
    assert.ok(closedAfterMs >= 300, `closed after ${closedAfterMs} ms`)
    assert.match(received, /^(HTTP\/1\.1 408 |$)/, 'answered 408 or simply closed')
  })

  it('closes a connection whose headers never end', async () => {
    const { closedAfterMs } = await rawUntilClosed(port, `GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `, 5000)
    assert.ok(closedAfterMs >= 300, `closed after ${closedAfterMs} ms`)
  })

  it('closes a connection that sends nothing at all', async () => {
    const { closedAfterMs } = await rawUntilClosed(port, '', 5000)
    assert.ok(closedAfterMs >= 300, `closed after ${closedAfterMs} ms`)
  })

  it('closes an idle keep-alive connection after its response', async () => {
    const { received } = await rawUntilClosed(port, `GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`, 5000)
    assert.match(received, /^HTTP\/1\.1 200 /)
  })

  it('keeps the event stream open past the request timeout', async () => {
    const frames: string[] = []
    const stream = httpRequest({ host: '127.0.0.1', port, path: '/v1/events', headers: bearer(token) })
    const response = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      stream.on('response', resolve).on('error', reject).end()
    })
    assert.equal(response.statusCode, 200)
    response.setEncoding('utf8')
    response.on('data', (chunk: string) => frames.push(chunk))
    await new Promise((resolve) => setTimeout(resolve, 1500))
    assert.equal(response.destroyed, false, 'the stream is still open')
    const pushed = await send(port, PUSH_URL, {
      method: 'POST',
      headers: { host: `127.0.0.1:${port}`, ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [pushedMessage()] }),
    })
    assert.equal(pushed.status, 201)
    await eventually('the event on the stream', () => assert.match(frames.join(''), /event: message\.created/), { timeoutMs: 3_000 })
    stream.destroy()
  })
})
