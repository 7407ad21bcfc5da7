import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { cliCreateToken, cliRun, FRONTDESK_BIN, spawnServe, type ServeProcess } from '../support/cli-process.js'
import { PUSH_URL, pushedMessage, tempDir } from '../support/test-app.js'

describe('the frontdesk command', () => {
  let dataDir: string
  let serve: ServeProcess
  before(async () => {
    dataDir = tempDir('frontdesk-cli-')
    serve = await spawnServe(dataDir, ['--country', 'CH'])
  })
  after(async () => {
    await serve?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('serve --port 0 prints the loopback address it listens on', () => {
    assert.match(serve.url, /^http:\/\/127\.0\.0\.1:\d+$/)
    assert.notEqual(new URL(serve.url).port, '0')
  })

  it('a token created while the server runs can push over real HTTP, and the message reads back', async () => {
    const token = await cliCreateToken(dataDir, 'guest.conversation.write,guest.conversation.read')
    assert.match(token, /^\S{20,}$/, 'the token is printed alone on stdout')
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }

    const pushed = await fetch(`${serve.url}${PUSH_URL}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ messages: [pushedMessage({ phone: '079 555 01 02', text: 'Is breakfast included?', externalId: 'cli-1' })] }),
    })
    assert.equal(pushed.status, 201)
    const [{ conversationId, messageId }] = (await pushed.json()) as [{ conversationId: string; messageId: string }]

    const message = await fetch(`${serve.url}/api/unified-messaging-service/guest-conversations/messages/${messageId}`, { headers })
    assert.equal(message.status, 200)
    assert.equal(((await message.json()) as { content: { text: { text: string } } }).content.text.text, 'Is breakfast included?')

    const list = await fetch(`${serve.url}/v1/conversations?q=${encodeURIComponent('+41795550102')}`, { headers })
    const { items } = (await list.json()) as { items: { id: string; guest: { identity: { value: string } } }[] }
    assert.deepEqual(
      items.map((item) => item.id),
      [conversationId],
    )
    assert.equal(items[0]!.guest.identity.value, '+41795550102', 'the --country CH property read the national number')
  })

  it('health answers without a token; the API refuses a request without one', async () => {
    assert.equal((await fetch(`${serve.url}/v1/health`)).status, 200)
    assert.equal((await fetch(`${serve.url}/v1/conversations`)).status, 401)
  })

  it('serve stops cleanly on SIGTERM', async () => {
    const other = await spawnServe(tempDir('frontdesk-cli-stop-'))
    assert.equal(await other.stop(), 0)
  })

  it('token create refuses unknown scopes and missing options with a usage message and exit code 2', async () => {
    const unknown = await cliRun(['token', 'create', '--data-dir', dataDir, '--name', 'x', '--scopes', 'guest.conversation.read,everything'])
    assert.equal(unknown.code, 2)
    assert.equal(unknown.stdout, '')
    assert.match(unknown.stderr, /unknown scope\(s\): everything/)

    const missing = await cliRun(['token', 'create', '--data-dir', dataDir, '--scopes', 'admin'])
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /--name is required/)
  })

  it('serve answers / with the built inbox page, found from the compiled command', async () => {
    const page = await fetch(serve.url)
    assert.equal(page.status, 200)
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/)
    // The built page, with the answers to its first screen's requests before </body>.
    const built = readFileSync(new URL('../../dist/renderer/index.html', import.meta.url), 'utf8')
    const text = await page.text()
    const bodyEnd = built.lastIndexOf('</body>')
    assert.ok(text.startsWith(built.slice(0, bodyEnd)) && text.endsWith(built.slice(bodyEnd)))
    assert.match(text, /<script type="application\/json" id="first-screen-answers">\{"\/v1\/setup":\{"status":200/)
  })

  it('the compiled command validates requests and checks passwords as the API does', async () => {
    const desk = await spawnServe(tempDir('frontdesk-cli-setup-'))
    try {
      const setup = (admin: object) =>
        fetch(`${desk.url}/v1/setup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ property: { name: 'Hotel Lago', defaultCountry: 'CH', timeZone: 'Europe/Zurich' }, admin }),
        })
      const incomplete = await setup({ name: 'Sara Brunner', email: 'sara@hotel-lago.ch' })
      assert.equal(incomplete.status, 400)
      assert.match(((await incomplete.json()) as { detail: string }).detail, /admin\.password is required/)
      const guessable = await setup({ name: 'Sara Brunner', email: 'sara@hotel-lago.ch', password: '1234567890' })
      assert.equal(guessable.status, 400)
      assert.match(((await guessable.json()) as { detail: string }).detail, /admin\.password is too easy to guess/)
      const created = await setup({ name: 'Sara Brunner', email: 'sara@hotel-lago.ch', password: 'lakeside view 1' })
      assert.equal(created.status, 201, await created.text())
    } finally {
      await desk.stop()
    }
  })

  it('without its compiled bundle the command says how to build it', () => {
    const checkout = tempDir('frontdesk-cli-unbuilt-')
    // A checkout installed with scripts turned off: the command's files, no dist/.
    mkdirSync(join(checkout, 'bin'))
    copyFileSync(FRONTDESK_BIN, join(checkout, 'bin', 'frontdesk.js'))
    copyFileSync(new URL('../../package.json', import.meta.url), join(checkout, 'package.json'))
    const run = spawnSync(process.execPath, [join(checkout, 'bin', 'frontdesk.js'), 'serve', '--data-dir', join(checkout, 'data')], { encoding: 'utf8' })
    rmSync(checkout, { recursive: true, force: true })
    assert.equal(run.status, 1)
    assert.equal(run.stdout, '')
    assert.match(run.stderr, /the command is not built .*dist\/cli\/frontdesk\.mjs is missing/)
    assert.match(run.stderr, /npm run build:cli/)
  })

  it('serve refuses a port that is taken, saying which', async () => {
    const port = new URL(serve.url).port
    const taken = await cliRun(['serve', '--data-dir', tempDir('frontdesk-cli-taken-'), '--port', port])
    assert.equal(taken.code, 1)
    assert.match(taken.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is taken`))
  })
})
