import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { DATABASE_FILE } from '../../local-api/db/open.js'
import { cliCreateToken, cliRun, spawnServe, type ServeProcess } from '../support/cli-process.js'
import { PUSH_URL, pushedMessage, tempDir } from '../support/test-app.js'

describe('frontdesk backup and restore', () => {
  const dataDir = tempDir('frontdesk-backup-')
  let server: ServeProcess | undefined
  after(async () => {
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('round trip: a backup taken while serving, restored after the server stopped (never while it runs)', async () => {
    const token = await cliCreateToken(dataDir, 'guest.conversation.write,guest.conversation.read')
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    server = await spawnServe(dataDir)
    const push = async (text: string) => {
      const response = await fetch(`${server!.url}${PUSH_URL}`, { method: 'POST', headers, body: JSON.stringify({ messages: [pushedMessage({ text })] }) })
      assert.equal(response.status, 201)
      return ((await response.json()) as { messageId: string }[])[0]!.messageId
    }
    const before = await push('before the backup')

    const backup = await cliRun(['backup', '--data-dir', dataDir])
    assert.equal(backup.code, 0, backup.stderr)
    const file = backup.stdout.trim()
    assert.match(file, new RegExp(`^${join(dataDir, 'backups')}/frontdesk-\\d{4}-\\d{2}-\\d{2}T\\d{4}\\.sqlite$`))
    const copy = join(dataDir, 'elsewhere.sqlite')
    const custom = await cliRun(['backup', '--data-dir', dataDir, '--to', copy])
    assert.deepEqual([custom.code, custom.stdout.trim()], [0, copy])

    const afterBackup = await push('after the backup')
    const refused = await cliRun(['restore', '--data-dir', dataDir, '--from', file])
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, new RegExp(`the data dir ${dataDir} is in use by process ${server.child.pid} \\(frontdesk serve`))

    assert.equal(await server.stop(), 0)
    server = undefined
    const restored = await cliRun(['restore', '--data-dir', dataDir, '--from', file])
    assert.equal(restored.code, 0, restored.stderr)
    const keptAt = /the replaced store is kept at (\S+)$/m.exec(restored.stdout)?.[1]
    assert.ok(keptAt && existsSync(keptAt), restored.stdout)
    const kept = new Database(keptAt, { readonly: true })
    assert.equal(kept.prepare('SELECT count(*) FROM messages WHERE id = ?').pluck().get(afterBackup), 1, 'the replaced store, WAL included, is kept whole')
    kept.close()

    server = await spawnServe(dataDir)
    const read = (id: string) => fetch(`${server!.url}/api/unified-messaging-service/guest-conversations/messages/${id}`, { headers })
    assert.equal((await read(before)).status, 200)
    assert.equal((await read(afterBackup)).status, 404)
  })

  it('restore refuses a damaged backup and leaves the store as it was', async () => {
    await server?.stop()
    server = undefined
    const damaged = join(dataDir, 'damaged.sqlite')
    copyFileSync(join(dataDir, 'elsewhere.sqlite'), damaged)
    const bytes = readFileSync(damaged)
    bytes.fill(0x5a, 4096 * 3, 4096 * 6)
    writeFileSync(damaged, bytes)
    const storeBefore = readFileSync(join(dataDir, DATABASE_FILE))
    const refused = await cliRun(['restore', '--data-dir', dataDir, '--from', damaged])
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, new RegExp(`the backup ${damaged} is damaged too .*choose another one`))
    assert.deepEqual(readFileSync(join(dataDir, DATABASE_FILE)), storeBefore)
    const missing = await cliRun(['restore', '--data-dir', dataDir])
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /--from FILE is required/)
  })
})

describe('start-up errors name the path and the cause', () => {
  const dir = tempDir('frontdesk-startup-')
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('a store that is not a database: serve refuses, naming the file and the restore command', async () => {
    const dataDir = join(dir, 'garbage')
    mkdirSync(dataDir)
    writeFileSync(join(dataDir, DATABASE_FILE), 'this is not a database, it is a shopping list: milk, eggs, '.repeat(200))
    const serve = await cliRun(['serve', '--data-dir', dataDir, '--port', '0'])
    assert.equal(serve.code, 1)
    assert.match(
      serve.stderr,
      new RegExp(`cannot open ${join(dataDir, DATABASE_FILE)}: it is damaged or not a Frontdesk Inbox store .*frontdesk restore --data-dir ${dataDir} --from`),
    )
  })

  it('a data dir that cannot be created: serve says where and why', async () => {
    const aFile = join(dir, 'a-file')
    writeFileSync(aFile, '')
    const serve = await cliRun(['serve', '--data-dir', join(aFile, 'data'), '--port', '0'])
    assert.equal(serve.code, 1)
    assert.match(serve.stderr, new RegExp(`cannot create the data dir ${join(aFile, 'data')}: a part of the path is not a directory`))
  })
})
