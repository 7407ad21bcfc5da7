import assert from 'node:assert/strict'
import { once } from 'node:events'
import { rmSync } from 'node:fs'
import { after, describe, it } from 'node:test'
import { startDeskServer } from '../../electron/local-server.js'
import { lockDataDir, DataDirInUseError } from '../../local-api/db/lock.js'
import { cliRun, spawnServe, type ServeProcess } from '../support/cli-process.js'
import { tempDir } from '../support/test-app.js'

describe('one data dir, one server', () => {
  const dataDir = tempDir('frontdesk-lock-')
  const servers: ServeProcess[] = []
  after(async () => {
    for (const server of servers) await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('a second serve on a data dir in use refuses to start, naming the dir and the running process', async () => {
    const first = await spawnServe(dataDir)
    servers.push(first)
    const second = await cliRun(['serve', '--data-dir', dataDir, '--port', '0'])
    assert.notEqual(second.code, 0)
    assert.match(second.stderr, new RegExp(`the data dir ${dataDir} is in use by process ${first.child.pid} \\(frontdesk serve, started \\d{4}-\\d{2}-\\d{2}T`))
    assert.equal(second.stdout, '', 'it never listened')
    // The first one is untouched.
    assert.equal((await fetch(`${first.url}/v1/health`)).status, 200)
  })

  it('the lock dies with its process: after SIGKILL a new server starts at once', async () => {
    const first = servers.shift()!
    first.child.kill('SIGKILL')
    await once(first.child, 'exit')
    const next = await spawnServe(dataDir)
    servers.push(next)
    assert.equal((await fetch(`${next.url}/v1/health`)).status, 200)
  })

  it('a stopped server frees the data dir for the next one', async () => {
    const running = servers.pop()!
    assert.equal(await running.stop(), 0)
    const next = await spawnServe(dataDir)
    servers.push(next)
    assert.equal((await fetch(`${next.url}/v1/health`)).status, 200)
  })

  it("the desktop app's server holds the data dir as well: serve refuses, naming it", async () => {
    const dir = tempDir('frontdesk-lock-desk-')
    const desk = await startDeskServer({ dataDir: dir, port: 0 })
    try {
      const serve = await cliRun(['serve', '--data-dir', dir, '--port', '0'])
      assert.equal(serve.code, 1)
      assert.match(serve.stderr, new RegExp(`the data dir ${dir} is in use by process ${process.pid} \\(the Frontdesk Inbox desktop app, started `))
      assert.throws(() => lockDataDir(dir), DataDirInUseError)
    } finally {
      await desk.server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('holds within one process too, and is released by release()', () => {
    const dir = tempDir('frontdesk-lock-inproc-')
    try {
      const lock = lockDataDir(dir)
      assert.throws(
        () => lockDataDir(dir),
        (error: unknown) => error instanceof DataDirInUseError && error.message.includes(`process ${process.pid}`),
      )
      lock.release()
      lockDataDir(dir).release()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
