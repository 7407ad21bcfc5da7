import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { request } from 'node:http'
import { after, before, describe, it } from 'node:test'
import { cliCreateToken, cliRun, spawnServe, type ServeProcess } from '../support/cli-process.js'
import { tempDir } from '../support/test-app.js'

/** GET over a real socket with exactly this Host header; resolves with the status and body. */
function get(url: string, host: string, headers: Record<string, string> = {}) {
  const { hostname, port, pathname, search } = new URL(url)
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    request({ host: hostname, port, path: pathname + search, headers: { ...headers, host }, setHost: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
      .on('error', reject)
      .end()
  })
}

describe('frontdesk serve: the names it answers to', () => {
  let dataDir: string
  let serve: ServeProcess
  before(async () => {
    dataDir = tempDir('frontdesk-cli-hosts-')
    serve = await spawnServe(dataDir, ['--allowed-host', 'desk.hotel.lan', '--allowed-host', '192.168.1.20', '--public-url', 'http://desk.hotel.lan:4780'])
  })
  after(async () => {
    await serve?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('answers every --allowed-host given (repeated), the loopback names, and nothing else (421)', async () => {
    const port = new URL(serve.url).port
    for (const host of ['desk.hotel.lan', `DESK.hotel.lan:${port}`, `192.168.1.20:${port}`, `127.0.0.1:${port}`, `localhost:${port}`]) {
      assert.equal((await get(`${serve.url}/v1/health`, host)).status, 200, host)
    }
    for (const host of ['evil.example', `desk.hotel.lan.evil.example:${port}`, `192.168.1.21:${port}`]) {
      const refused = await get(`${serve.url}/v1/health`, host)
      assert.equal(refused.status, 421, host)
      assert.match(JSON.parse(refused.body).detail, /--allowed-host/)
    }
  })

  it('builds its links from --public-url', async () => {
    const token = await cliCreateToken(dataDir, 'guest.conversation.write,guest.conversation.read')
    const push = await fetch(`${serve.url}/api/unified-messaging-service/guest-conversations/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        messages: [
          {
            guestIdentifier: { type: 'PHONENUMBER', value: '+41795550109' },
            platform: 'WEBSITE_CHAT',
            direction: 'RECEIVED',
            content: { type: 'text', text: { text: 'Hi' } },
            messageCreatedAt: new Date().toISOString(),
          },
        ],
      }),
    })
    assert.equal(push.status, 201)
    const properties = (await (await fetch(`${serve.url}/v1/properties`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string }[]
    const propertyId = properties[0]!.id
    const links = await get(`${serve.url}/3rd/conversations/links?phone_numbers=%2B41795550109&organization_id=${propertyId}`, 'localhost', {
      'x-access-token': token,
    })
    assert.equal(links.status, 200, links.body)
    assert.match(JSON.parse(links.body)[0].conversation_links[0].link, /^http:\/\/desk\.hotel\.lan:4780\/conversations\/conv_/)
  })

  it('--host 127.0.0.2 is a name it answers to', async () => {
    const other = await spawnServe(tempDir('frontdesk-cli-host2-'), ['--host', '127.0.0.2'])
    try {
      assert.match(other.url, /^http:\/\/127\.0\.0\.2:\d+$/)
      assert.equal((await get(`${other.url}/v1/health`, new URL(other.url).host)).status, 200)
      assert.equal((await get(`${other.url}/v1/health`, 'desk.hotel.lan')).status, 421)
    } finally {
      await other.stop()
    }
  })

  it('refuses a malformed --allowed-host or --public-url with a usage message and exit code 2', async () => {
    for (const args of [
      ['--allowed-host', 'http://desk.hotel.lan'],
      ['--allowed-host', 'desk.hotel.lan:4780'],
      ['--public-url', 'desk.hotel.lan'],
      ['--public-url', 'http://desk.hotel.lan/inbox'],
    ]) {
      const run = await cliRun(['serve', '--data-dir', tempDir('frontdesk-cli-bad-host-'), '--port', '0', ...args])
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`)
      assert.match(run.stderr, new RegExp(`frontdesk: ${args[0]}: `))
    }
  })
})
