import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cliRun } from '../support/cli-process.js'

/** Every command and subcommand answers --help and -h with its usage on stdout and exit code 0, touching nothing. */
describe('frontdesk … --help', () => {
  const cases: { args: string[]; usage: RegExp }[] = [
    { args: [], usage: /frontdesk serve --data-dir DIR/ },
    { args: ['serve'], usage: /frontdesk serve --data-dir DIR/ },
    { args: ['token'], usage: /frontdesk token revoke --data-dir DIR TOKEN_ID/ },
    { args: ['token', 'create'], usage: /frontdesk token create --data-dir DIR --name NAME/ },
    { args: ['token', 'list'], usage: /frontdesk token list --data-dir DIR/ },
    { args: ['token', 'revoke'], usage: /frontdesk token revoke --data-dir DIR TOKEN_ID/ },
    { args: ['backup'], usage: /frontdesk backup --data-dir DIR/ },
    { args: ['restore'], usage: /frontdesk restore --data-dir DIR --from FILE/ },
    { args: ['sync'], usage: /frontdesk sync connect --data-dir DIR --central URL/ },
    { args: ['sync', 'connect'], usage: /frontdesk sync connect/ },
    { args: ['sync', 'status'], usage: /frontdesk sync status --data-dir DIR/ },
    { args: ['sync', 'now'], usage: /frontdesk sync now --data-dir DIR/ },
    { args: ['sync', 'retry-parked'], usage: /frontdesk sync retry-parked --data-dir DIR/ },
    { args: ['central'], usage: /frontdesk central --data-dir DIR \[--port 4790\]/ },
    { args: ['central', 'device'], usage: /frontdesk central device add --data-dir DIR/ },
    { args: ['central', 'device', 'add'], usage: /frontdesk central device add --data-dir DIR --property prop_… --name NAME/ },
    { args: ['central', 'device', 'list'], usage: /frontdesk central device list/ },
    { args: ['central', 'device', 'revoke'], usage: /frontdesk central device revoke --data-dir DIR DEVICE_ID/ },
  ]
  for (const { args, usage } of cases) {
    for (const flag of ['--help', '-h']) {
      it(`frontdesk ${[...args, flag].join(' ')}`, async () => {
        const run = await cliRun([...args, flag])
        assert.equal(run.code, 0, run.stderr)
        assert.match(run.stdout, /^usage:\n/)
        assert.match(run.stdout, usage)
        assert.equal(run.stderr, '')
      })
    }
  }

  it('`help` still prints the usage with exit code 0, and no command at all is still a usage mistake (2)', async () => {
    assert.equal((await cliRun(['help'])).code, 0)
    assert.equal((await cliRun(['central', 'help'])).code, 0)
    const none = await cliRun([])
    assert.equal(none.code, 2)
    assert.match(none.stdout, /^usage:\n/)
  })

  it('an option given with --help is not acted on (no data dir is created)', async () => {
    const run = await cliRun(['sync', 'now', '--data-dir', '/nonexistent/frontdesk-help-test', '--help'])
    assert.equal(run.code, 0)
    assert.match(run.stdout, /frontdesk sync now/)
  })
})
