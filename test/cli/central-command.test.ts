import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { after, describe, it } from 'node:test'
import { cliRun, spawnCentral } from '../support/cli-process.js'
import { tempDir } from '../support/test-app.js'

const PROPERTY = 'prop_01JALPENBLICK0000000000000'

/** `frontdesk central …`: the central server's own entry, reached through the one `frontdesk` command. */
describe('the frontdesk central command', () => {
  const dataDir = tempDir('frontdesk-central-cli-')
  after(() => rmSync(dataDir, { recursive: true, force: true }))

  it('adds a device (its credential printed once, alone on stdout), lists it, revokes it', async () => {
    const added = await cliRun(['central', 'device', 'add', '--data-dir', dataDir, '--property', PROPERTY, '--name', 'Front desk 1'])
    assert.equal(added.code, 0, added.stderr)
    assert.match(added.stdout, /^fdd_\S{20,}\n$/)
    const deviceId = /device (dev_\w+) for /.exec(added.stderr)?.[1]
    assert.ok(deviceId, added.stderr)

    const listed = await cliRun(['central', 'device', 'list', '--data-dir', dataDir])
    assert.equal(listed.stdout, `${deviceId}\t${PROPERTY}\tFront desk 1\tactive\n`)

    const revoked = await cliRun(['central', 'device', 'revoke', '--data-dir', dataDir, deviceId])
    assert.equal(revoked.code, 0, revoked.stderr)
    assert.match((await cliRun(['central', 'device', 'list', '--data-dir', dataDir])).stdout, new RegExp(`^${deviceId}\\t.*\\trevoked \\d{4}-`))
  })

  it('serves the central sync server until SIGTERM', async () => {
    const central = await spawnCentral(dataDir)
    try {
      const health = await fetch(`${central.url}/health`)
      assert.deepEqual(await health.json(), { status: 'ok', store: 'sqlite', schemaVersion: 1 })
    } finally {
      assert.equal(await central.stop(), 0)
    }
  })

  it('answers a usage mistake with its own usage and exit code 2; `help` prints it', async () => {
    const missing = await cliRun(['central', 'device', 'add', '--data-dir', dataDir, '--name', 'x'])
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /--property prop_… is required/)
    assert.match(missing.stderr, /frontdesk central device revoke --data-dir DIR DEVICE_ID/)

    const help = await cliRun(['central', 'help'])
    assert.equal(help.code, 0)
    assert.match(help.stdout, /frontdesk central --data-dir DIR \[--port 4790\]/)
    assert.match((await cliRun(['help'])).stdout, /frontdesk central …/, "the desk's usage points to it")
  })
})
