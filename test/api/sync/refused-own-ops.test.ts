// A change made on this desk that the central server refuses is not lost without a word: the desk
// keeps it with the server's reason (through restarts), lists it in /v1/sync and `frontdesk sync
// status`, and an admin sends it again (API or CLI, the desk running) once the server takes it.
// Real desks on SQLite files, a real central server over HTTP on each store kind.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildCentralServer, type CentralServer } from '../../../central/server.js'
import { syncMain } from '../../../local-api/sync-cli.js'
import { STORE_KINDS } from '../../support/central-stores.js'
import { cliOutput } from '../../support/cli-output.js'
import { eventually } from '../../support/eventually.js'
import { bearer, startTestApp, tempDir, type TestApp } from '../../support/test-app.js'

const quickSync = { client: { periodMs: 300, maxBackoffMs: 300 } }
const TWO_DAYS_MS = 2 * 24 * 3600_000

const statusOf = async (desk: TestApp) => (await desk.app.inject({ url: '/v1/sync', headers: bearer(desk.token()) })).json()

for (const kind of STORE_KINDS) {
  describe(`this desk's changes the central server refuses (${kind.name} central)`, { skip: kind.unavailable ?? false }, () => {
    it('are kept with the reason, listed in /v1/sync and `sync status`, survive a restart, and go up again on an admin retry once the server takes them', async () => {
      const handle = await kind.fresh()
      // The central server's clock, which the test sets wrong and puts right.
      let centralSkewMs = 0
      const central: CentralServer = await buildCentralServer({ store: await handle.open(), clock: () => Date.now() + centralSkewMs })
      await central.listen({ port: 0, host: '127.0.0.1' })
      const address = central.server.address()
      const centralUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
      const dataDir = tempDir('frontdesk-desk-a-')
      let a = await startTestApp({ dataDir, sync: quickSync })
      const b = await startTestApp({ sync: quickSync })
      try {
        const property = a.app.store.properties.first()!
        for (const [desk, name] of [
          [a, 'Desk A'],
          [b, 'Desk B'],
        ] as const) {
          const { credential } = await central.centralSync.addDevice({ name, propertyId: property.id })
          const connected = await desk.app.inject({
            method: 'PUT',
            url: '/v1/sync',
            headers: bearer(desk.token(['admin'])),
            payload: { centralUrl, credential },
          })
          assert.equal(connected.statusCode, 200, connected.body)
        }
        await eventually('both desks synced', async () => {
          assert.notEqual((await statusOf(a)).lastSyncAt, null)
          assert.notEqual((await statusOf(b)).lastSyncAt, null)
        })
        assert.equal((await statusOf(a)).refusedOps, 0)

        // The central server's clock falls two days behind: this desk's new change looks two days ahead to it.
        centralSkewMs = -TWO_DAYS_MS
        const created = await a.app.inject({
          method: 'POST',
          url: '/v1/templates',
          headers: bearer(a.token(['admin'])),
          payload: { name: 'Late checkout', shortcut: 'late', body: 'Late checkout until 1 pm is free of charge.' },
        })
        assert.equal(created.statusCode, 201, created.body)
        const templateId = created.json().id as string

        const refused = await eventually('the change refused and kept', async () => {
          const current = await statusOf(a)
          assert.equal(current.refusedOps, 1)
          assert.equal(current.pendingOps, 0)
          return current
        })
        assert.deepEqual(
          refused.refused.map((op: { entity: string; entityId: string }) => [op.entity, op.entityId]),
          [['template', templateId]],
        )
        assert.match(refused.refused[0].reason, /a timestamp 2880 min ahead of this clock was refused/)
        assert.match(refused.refused[0].refusedAt, /^\d{4}-\d\d-\d\dT/)
        // Sync goes on: the round itself did not fail, and the other desk never gets the change.
        assert.notEqual(refused.state, 'offline')
        const asked = Date.now()
        assert.equal((await b.app.inject({ method: 'POST', url: '/v1/sync/now', headers: bearer(b.token()) })).statusCode, 202)
        await eventually('a later round on B', async () => assert.ok(Date.parse((await statusOf(b)).lastSyncAt) > asked))
        assert.equal(b.app.store.templates.get(templateId), undefined)

        // The command line says so too, beside the running desk.
        const status = await cliOutput(() => syncMain(['status', '--data-dir', dataDir]))
        assert.match(status, /changes of this desk the central server refused \(no other desk has them\): 1\n/)
        assert.match(status, new RegExp(`  template ${templateId} \\(\\d{4}-[^)]+\\): a timestamp 2880 min ahead of this clock was refused`))
        assert.match(status, /after an upgrade, retry them: frontdesk sync retry-parked --data-dir /)

        // Sent again while the server still refuses it: back on the list, with its reason.
        assert.equal((await a.app.inject({ method: 'POST', url: '/v1/sync/parked/retry', headers: bearer(a.token()) })).statusCode, 403)
        const retried = await a.app.inject({ method: 'POST', url: '/v1/sync/parked/retry', headers: bearer(a.token(['admin'])) })
        assert.equal(retried.statusCode, 200, retried.body)
        assert.deepEqual(retried.json(), { applied: 0, stillParked: 0, resent: 1 })
        await eventually('refused again', async () => {
          const current = await statusOf(a)
          assert.equal(current.pendingOps, 0)
          assert.equal(current.refusedOps, 1)
          assert.equal(current.refused[0].entityId, templateId)
        })

        // Kept in the data dir: a restart still lists it.
        await a.app.close()
        a = await startTestApp({ dataDir, sync: quickSync })
        const restarted = await statusOf(a)
        assert.equal(restarted.refusedOps, 1)
        assert.equal(restarted.refused[0].entityId, templateId)

        // The central server's clock put right, an admin sends it again from the command line while the desk runs.
        centralSkewMs = 0
        const out = await cliOutput(() => syncMain(['retry-parked', '--data-dir', dataDir]))
        assert.match(out, /^0 parked change\(s\) from other desks applied, 0 still set aside\n1 refused change\(s\) of this desk queued to be sent again/)
        await eventually('taken by the server and on the other desk', async () => {
          const current = await statusOf(a)
          assert.equal(current.refusedOps, 0)
          assert.equal(current.pendingOps, 0)
          assert.equal(b.app.store.templates.get(templateId)?.name, 'Late checkout')
        })
        assert.deepEqual((await statusOf(a)).refused, [])
      } finally {
        await a.close()
        await b.close()
        await central.close()
        await handle.dispose()
      }
    })
  })
}
