import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { cliCreateToken, cliRun, spawnServe, type ServeProcess } from '../support/cli-process.js'
import { tempDir } from '../support/test-app.js'

describe('frontdesk token list | revoke', () => {
  let dataDir: string
  let serve: ServeProcess
  let chat: string
  let pms: string
  before(async () => {
    dataDir = tempDir('frontdesk-token-cli-')
    serve = await spawnServe(dataDir)
    chat = await cliCreateToken(dataDir, 'guest.conversation.write,guest.conversation.read', 'website chat')
    pms = await cliCreateToken(dataDir, 'reservation.write', 'PMS')
  })
  after(async () => {
    await serve?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const rows = async () => {
    const listed = await cliRun(['token', 'list', '--data-dir', dataDir])
    assert.equal(listed.code, 0, listed.stderr)
    const [header, ...lines] = listed.stdout.trimEnd().split('\n')
    return { header: header!, lines, stdout: listed.stdout }
  }

  it('lists every token as a table (id, name, scopes, property, created, last used, revoked), never a secret', async () => {
    const { header, lines, stdout } = await rows()
    assert.match(header, /^ID\s+NAME\s+SCOPES\s+PROPERTY\s+CREATED\s+LAST USED\s+REVOKED$/)
    assert.equal(lines.length, 2)
    assert.match(lines[0]!, /^tok_\S+\s+PMS\s+reservation\.write\s+all\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+never\s+-$/)
    assert.match(lines[1]!, /^tok_\S+\s+website chat\s+guest\.conversation\.write,guest\.conversation\.read\s+all\s+\S+ \S+\s+never\s+-$/)
    assert.ok(!stdout.includes(chat) && !stdout.includes(pms), 'no secret in the list')
  })

  it('shows when a token was last used', async () => {
    assert.equal((await fetch(`${serve.url}/v1/conversations`, { headers: { authorization: `Bearer ${chat}` } })).status, 200)
    const { lines } = await rows()
    assert.match(lines[1]!, /website chat.*\d\d:\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+-$/)
  })

  it('revokes a token by id: the running desk refuses it at once', async () => {
    const id = (await rows()).lines[1]!.split(/\s+/)[0]!
    const revoked = await cliRun(['token', 'revoke', '--data-dir', dataDir, id])
    assert.equal(revoked.code, 0, revoked.stderr)
    assert.equal(revoked.stdout, `revoked ${id} (website chat)\n`)
    assert.equal((await fetch(`${serve.url}/v1/conversations`, { headers: { authorization: `Bearer ${chat}` } })).status, 401)
    assert.match((await rows()).lines[1]!, /\d{4}-\d\d-\d\d \d\d:\d\d$/, 'the list says when it was revoked')
    const again = await cliRun(['token', 'revoke', '--data-dir', dataDir, id])
    assert.equal(again.code, 0)
    assert.match(again.stdout, /was already revoked at/)
  })

  it('says so for an unknown id (exit 1) and for a missing one (usage, exit 2)', async () => {
    const unknown = await cliRun(['token', 'revoke', '--data-dir', dataDir, 'tok_nothing'])
    assert.equal(unknown.code, 1)
    assert.match(unknown.stderr, /no API token has the id tok_nothing/)
    const missing = await cliRun(['token', 'revoke', '--data-dir', dataDir])
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /which token\?/)
    const noDir = await cliRun(['token', 'list'])
    assert.equal(noDir.code, 2)
    assert.match(noDir.stderr, /--data-dir is required/)
    const unknownAction = await cliRun(['token', 'rotate', '--data-dir', dataDir])
    assert.equal(unknownAction.code, 2)
  })
})
