import assert from 'node:assert/strict'
import { execFileSync, fork } from 'node:child_process'
import { once } from 'node:events'
import { rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { DeskFeedItem, ServerProcessMessage } from '../../electron/desk-feed-types.js'
import { deskFeed, startDeskServer } from '../../electron/local-server.js'
import { openDatabase } from '../../local-api/db/open.js'
import { openStore } from '../../local-api/db/store.js'
import { createApiToken } from '../../local-api/services/api-tokens.js'
import { eventually } from '../support/eventually.js'
import { bearer, PUSH_URL, pushedMessage, tempDir } from '../support/test-app.js'

const dirs: string[] = []
const freshDir = () => {
  const dir = tempDir('frontdesk-desktop-')
  dirs.push(dir)
  return dir
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** A port some other program holds, for as long as the test needs it. */
async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return { port: (server.address() as { port: number }).port, server }
}

describe("the desktop app's local API", () => {
  it('listens on the configured port when it is free', async () => {
    const taken = await occupiedPort()
    taken.server.close()
    await once(taken.server, 'close')
    const desk = await startDeskServer({ dataDir: freshDir(), port: taken.port })
    try {
      assert.equal(desk.server.url, `http://127.0.0.1:${taken.port}`)
      assert.equal(desk.portProblem, null)
    } finally {
      await desk.server.close()
    }
  })

  it('falls back to a free port when another program holds the configured one, and says so', async () => {
    const taken = await occupiedPort()
    const desk = await startDeskServer({ dataDir: freshDir(), port: taken.port })
    try {
      const port = Number(new URL(desk.server.url).port)
      assert.notEqual(port, taken.port)
      assert.equal((await fetch(`${desk.server.url}/v1/health`)).status, 200)
      assert.match(desk.portProblem ?? '', new RegExp(`Port ${taken.port} is in use by another program, so the inbox runs on port ${port}`))
    } finally {
      await desk.server.close()
      taken.server.close()
    }
  })
})

describe('the desk feed', () => {
  it("reports guest messages once per conversation and batch, agents' notifications, and the unread total", async () => {
    const desk = await startDeskServer({ dataDir: freshDir(), port: 0 })
    const { app } = desk.server
    const items: DeskFeedItem[] = []
    const stop = deskFeed(desk.server, (item) => items.push(item), 20)
    try {
      assert.deepEqual(items, [{ type: 'unread', count: 0 }], 'the total when it starts')
      const token = createApiToken(app.store, { name: 'desk', scopes: ['admin'] }).token
      // Pushed history (an hour old): the AI agent leaves it alone, so the mode stays as it was.
      const at = (minutes: number) => new Date(Date.now() - (60 + minutes) * 60_000).toISOString()
      const pushed = await app.inject({
        method: 'POST',
        url: PUSH_URL,
        headers: bearer(token),
        payload: {
          messages: [
            pushedMessage({ phone: '+41795550001', text: 'Hello', at: at(3) }),
            pushedMessage({ phone: '+41795550001', text: 'Do you have parking?', at: at(2) }),
          ],
        },
      })
      assert.equal(pushed.statusCode, 201)
      const conversationId = pushed.json()[0].conversationId as string
      await eventually('two unread', () => assert.ok(items.some((item) => item.type === 'unread' && item.count === 2)))
      const guestMessages = items.filter((item) => item.type === 'guest-message')
      assert.deepEqual(guestMessages, [
        { type: 'guest-message', conversationId, guestLabel: '+41795550001', preview: 'Do you have parking?', mode: 'ai', assignedAgentId: null },
      ])

      // A phone call's transcript needs no answer: no notification, but it counts as unread.
      await app.inject({
        method: 'POST',
        url: PUSH_URL,
        headers: bearer(token),
        payload: { messages: [pushedMessage({ phone: '+41795550002', platform: 'PHONE_CALL', text: 'Caller asked for a taxi', at: at(1) })] },
      })
      await eventually('three unread', () => assert.ok(items.some((item) => item.type === 'unread' && item.count === 3)))
      assert.equal(items.filter((item) => item.type === 'guest-message').length, 1)

      const agent = await app.inject({
        method: 'POST',
        url: '/v1/agents',
        headers: bearer(token),
        payload: { name: 'Luca Meier', email: 'luca@alpenblick.ch', password: 'front desk 2026', role: 'agent' },
      })
      const agentId = agent.json().id as string
      assert.equal(
        (await app.inject({ method: 'PUT', url: `/v1/conversations/${conversationId}/assignee`, headers: bearer(token), payload: { agentId } })).statusCode,
        204,
      )
      await eventually("the agent's notification", () => assert.ok(items.some((item) => item.type === 'agent-notification')))
      const notification = items.find((item) => item.type === 'agent-notification')
      assert.deepEqual({ ...notification, text: undefined }, { type: 'agent-notification', agentId, kind: 'assigned', conversationId, text: undefined })

      assert.equal((await app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/read`, headers: bearer(token) })).statusCode < 300, true)
      await eventually('one unread', () => assert.ok(items.at(-1)?.type === 'unread' && (items.at(-1) as { count: number }).count === 1))
    } finally {
      stop()
      await desk.server.close()
    }
  })
})

describe('the server process', () => {
  const entry = fileURLToPath(new URL('../../electron/server-process.ts', import.meta.url))
  const start = (args: string[], bundle?: string) => {
    const child = bundle
      ? fork(bundle, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
      : fork(entry, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
    const messages: ServerProcessMessage[] = []
    child.on('message', (message) => messages.push(message as ServerProcessMessage))
    return { child, messages }
  }

  it('starts the API, feeds the shell, and on close stops with everything written', async () => {
    const dataDir = freshDir()
    const store = openStore(dataDir)
    const token = createApiToken(store, { name: 'pms', scopes: ['guest.conversation.write', 'guest.conversation.read'] }).token
    store.close()

    const { child, messages } = start([`--data-dir=${dataDir}`, '--port=0'])
    await eventually('the server to listen', () => assert.ok(messages.some((message) => message.type === 'listening')), { timeoutMs: 20_000 })
    const listening = messages.find((message) => message.type === 'listening') as Extract<ServerProcessMessage, { type: 'listening' }>
    assert.equal(listening.portProblem, null)
    assert.match(listening.url, /^http:\/\/127\.0\.0\.1:\d+$/)

    const pushed = await fetch(`${listening.url}${PUSH_URL}`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [pushedMessage({ phone: '+41795550003', text: 'Can I bring my dog?' })] }),
    })
    assert.equal(pushed.status, 201)
    await eventually("the guest's message in the feed", () =>
      assert.ok(messages.some((message) => message.type === 'feed' && message.item.type === 'guest-message')),
    )

    const exited = once(child, 'exit')
    child.send({ type: 'close' })
    const [code] = await exited
    assert.equal(code, 0)
    assert.ok(messages.some((message) => message.type === 'closed'))
    await assert.rejects(fetch(`${listening.url}/v1/health`), 'the port is released')

    const reopened = openDatabase(dataDir)
    try {
      const row = reopened.prepare("SELECT count(*) AS n FROM messages WHERE text LIKE '%my dog%'").get() as { n: number }
      assert.equal(row.n, 1)
    } finally {
      reopened.close()
    }
  })

  it('says why it could not start, and exits', async () => {
    const notADirectory = join(freshDir(), 'a-file')
    writeFileSync(notADirectory, 'not a data dir')
    const { child, messages } = start([`--data-dir=${notADirectory}`, '--port=0'])
    const [code] = await once(child, 'exit')
    assert.equal(code, 1)
    const failed = messages.find((message) => message.type === 'failed')
    assert.ok(failed && failed.type === 'failed' && failed.reason.length > 0, JSON.stringify(messages))
  })

  it('runs from the bundle the desktop app ships, serving the inbox UI and its API', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url))
    execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root })
    const { child, messages } = start([`--data-dir=${freshDir()}`, '--port=0'], join(root, 'dist', 'electron', 'server-process.cjs'))
    await eventually('the server to listen', () => assert.ok(messages.some((message) => message.type === 'listening')), { timeoutMs: 20_000 })
    const { url } = messages.find((message) => message.type === 'listening') as Extract<ServerProcessMessage, { type: 'listening' }>
    const page = await fetch(`${url}/`)
    assert.equal(page.status, 200)
    assert.match(await page.text(), /<div id="root">/)
    assert.equal((await fetch(`${url}/v1/setup`)).status, 200)
    const exited = once(child, 'exit')
    child.send({ type: 'close' })
    assert.equal((await exited)[0], 0)
  })
})
