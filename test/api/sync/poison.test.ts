// No op can stop sync: the central server refuses ops whose fields break their entity's schema (per
// op, with a reason, never handed out), and a desk that cannot apply an op it pulled parks it, goes
// on with the rest, shows it in /v1/sync and retries it when an admin asks.
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { describe, it } from 'node:test'
import { buildCentralServer, type CentralServer } from '../../../central/server.js'
import type { CentralStore } from '../../../central/store/central-store.js'
import { openPostgresCentralStore } from '../../../central/store/postgres-store.js'
import { openSqliteCentralStore } from '../../../central/store/sqlite-store.js'
import { openDatabase } from '../../../local-api/db/open.js'
import { httpTransport } from '../../../local-api/services/sync/transport.js'
import { syncMain } from '../../../local-api/sync-cli.js'
import { SYNC_SCHEMA_VERSION, type PushResponse, type SyncOp } from '../../../sync-core/protocol.js'
import { POSTGRES_UNAVAILABLE, TEST_DATABASE_URL, testSchema } from '../../support/central-stores.js'
import { cliOutput } from '../../support/cli-output.js'
import { eventually } from '../../support/eventually.js'
import { opMaker } from '../../support/sync-ops.js'
import { bearer, PUSH_URL, pushedMessage, startTestApp, tempDir, type TestApp } from '../../support/test-app.js'

const quickSync = { client: { periodMs: 300, maxBackoffMs: 300 } }

const STORES = [
  {
    name: 'embedded SQLite',
    unavailable: null as string | null,
    fresh: async () => {
      const dir = tempDir('frontdesk-central-')
      return { store: openSqliteCentralStore(dir) as CentralStore, dispose: async () => rmSync(dir, { recursive: true, force: true }) }
    },
  },
  {
    name: 'PostgreSQL',
    unavailable: POSTGRES_UNAVAILABLE,
    fresh: async () => {
      const schema = testSchema('poison')
      return { store: await openPostgresCentralStore(TEST_DATABASE_URL!, { schema: schema.name }), dispose: () => schema.drop() }
    },
  },
]

/** A central server over HTTP on 127.0.0.1 and desks (real servers on their own SQLite files) to connect to it. */
async function world(
  storeKind: (typeof STORES)[number],
  run: (w: { central: CentralServer; store: CentralStore; url: string; desk(): Promise<TestApp> }) => Promise<void>,
) {
  const { store, dispose } = await storeKind.fresh()
  const central = await buildCentralServer({ store })
  await central.listen({ port: 0, host: '127.0.0.1' })
  const address = central.server.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const desks: TestApp[] = []
  try {
    await run({
      central,
      store,
      url,
      desk: async () => {
        const app = await startTestApp({ sync: quickSync })
        desks.push(app)
        return app
      },
    })
  } finally {
    for (const app of desks) await app.close()
    await central.close()
    await dispose()
  }
}

const statusOf = async (app: TestApp) => (await app.app.inject({ url: '/v1/sync', headers: bearer(app.token()) })).json()
const connect = async (app: TestApp, central: CentralServer, url: string) => {
  const property = app.app.store.properties.first()!
  const { credential } = await central.centralSync.addDevice({ name: 'Desk', propertyId: property.id })
  const response = await app.app.inject({ method: 'PUT', url: '/v1/sync', headers: bearer(app.token(['admin'])), payload: { centralUrl: url, credential } })
  assert.equal(response.statusCode, 200, response.body)
  return { property, credential }
}

/** Stores an op as an older central server (one that did not check fields) would have: straight into its space. */
async function storeUnchecked(store: CentralStore, op: SyncOp): Promise<void> {
  await store.transaction(async (tx) => {
    const seq = await tx.reserveSeqs(op.space, 1)
    await tx.insertOps(op.space, seq, [op], Date.now())
  })
}

for (const kind of STORES) {
  describe(`ops no desk can apply, on a ${kind.name} central server`, { skip: kind.unavailable ?? false }, () => {
    it('are refused per op with a reason, acknowledged, and never reach another desk; the valid ones around them do', async () => {
      await world(kind, async ({ central, url, desk }) => {
        const a = await desk()
        const { property, credential } = await connect(a, central, url)
        const ops = opMaker('fuzzdesk01', property.id)
        const now = Date.now()
        const batch = [
          ops.op('guest', 'gst_poison_before', { firstName: 'Before', createdAt: now, updatedAt: now }),
          ops.op('guest_identity', 'bogus:+41791234567', { guestId: 'gst_poison_before', verified: true, createdAt: now }),
          ops.op('reservation', 'res_poison', { propertyId: property.id, status: 'sleeping', arrival: '2026-12-01', departure: '2026-12-02' }),
          ops.op('message', 'msg_poison', { conversationId: 'conv_x', createdAt: 'yesterday', direction: 'in' }),
          ops.op('knowledge_entry', 'kbe_poison', { propertyId: property.id, question: 'Q', answer: 'x'.repeat(150_000) }),
          ops.op('guest', 'gst_poison_after', { firstName: 'After', createdAt: now, updatedAt: now }),
        ]
        const response = (await httpTransport(url, credential).push({ clientId: 'fuzzdesk01', schemaVersion: SYNC_SCHEMA_VERSION, ops: batch })) as PushResponse
        assert.equal(response.ackedSeq, 6)
        assert.deepEqual(
          response.rejected.map((r) => r.clientSeq),
          [2, 3, 4, 5],
        )
        const reasons = response.rejected.map((r) => r.reason)
        assert.match(reasons[0]!, /guest_identity "bogus:\+41791234567": its kind must be one of phone, email/)
        assert.match(reasons[1]!, /reservation field status: .*\(got "sleeping"\)/)
        assert.match(reasons[2]!, /message field createdAt: must be integer/)
        assert.match(reasons[3]!, /knowledge_entry field answer: must not have more than 100000 characters/)

        await eventually('both valid guests on the desk', () => {
          assert.equal(a.app.store.guests.get('gst_poison_before')?.firstName, 'Before')
          assert.equal(a.app.store.guests.get('gst_poison_after')?.firstName, 'After')
        })
        const status = await statusOf(a)
        assert.equal(status.parkedOps, 0)
        assert.deepEqual(status.parked, [])
        assert.equal(a.app.store.knowledge.get('kbe_poison'), undefined)
      })
    })

    it('a desk parks an op it cannot apply, goes on with the rest, says so, and keeps it parked through a retry and later rounds', async () => {
      await world(kind, async ({ central, store, url, desk }) => {
        const a = await desk()
        const { property } = await connect(a, central, url)
        await eventually('the first round', async () => assert.notEqual((await statusOf(a)).lastSyncAt, null))
        const ops = opMaker('olddesk001', property.id)
        const now = Date.now()
        // What an older central server let through: a profile, an identity of a kind no desk knows.
        await storeUnchecked(store, ops.op('guest', 'gst_parked', { firstName: 'Eva', createdAt: now, updatedAt: now }))
        await storeUnchecked(store, ops.op('guest_identity', 'bogus:eva', { guestId: 'gst_parked', verified: true, createdAt: now }))
        // The rest of the page: a reservation of that guest.
        await storeUnchecked(
          store,
          ops.op('reservation', 'res_parked', {
            propertyId: property.id,
            confirmationNumber: 'BLOCKED-1',
            guestId: 'gst_parked',
            arrival: '2026-12-01',
            departure: '2026-12-03',
            createdAt: now,
          }),
        )
        await storeUnchecked(store, ops.op('guest', 'gst_after_poison', { firstName: 'Later', createdAt: now, updatedAt: now }))
        assert.equal((await a.app.inject({ method: 'POST', url: '/v1/sync/now', headers: bearer(a.token()) })).statusCode, 202)

        const status = await eventually('the later guest arrives past the poison, and the poison is parked', async () => {
          assert.equal(a.app.store.guests.get('gst_after_poison')?.firstName, 'Later')
          assert.equal(a.app.store.reservations.get('res_parked')?.guestId, 'gst_parked')
          const current = await statusOf(a)
          assert.equal(current.parkedOps, 1)
          return current
        })
        assert.equal(status.lastError, null)
        assert.notEqual(status.state, 'offline')
        assert.equal(status.parked[0].entity, 'guest_identity')
        assert.equal(status.parked[0].entityId, 'bogus:eva')
        assert.match(status.parked[0].reason, /guest_identity "bogus:eva": its kind must be one of/)
        assert.match(status.parked[0].parkedAt, /^\d{4}-\d{2}-\d{2}T/)
        // The rest of the page applied: the profile and its reservation.
        assert.equal(a.app.store.guests.get('gst_parked')?.firstName, 'Eva')
        assert.equal(a.app.store.reservations.get('res_parked')?.guestId, 'gst_parked')

        // `frontdesk sync status` names it and how to retry, beside the running desk.
        const listed = await cliOutput(() => syncMain(['status', '--data-dir', a.dataDir]))
        assert.match(listed, /changes from other desks that could not be applied \(parked\): 1\n/)
        assert.match(listed, / {2}guest_identity bogus:eva \(\d{4}-[^)]+\): .*its kind must be one of/)
        assert.match(listed, /changes of this desk the central server refused \(no other desk has them\): 0\n/)
        assert.match(listed, /after an upgrade, retry them: frontdesk sync retry-parked --data-dir /)
        const retriedByCli = await cliOutput(() => syncMain(['retry-parked', '--data-dir', a.dataDir]))
        assert.match(retriedByCli, /^0 parked change\(s\) from other desks applied, 1 still set aside\n0 refused change\(s\) of this desk queued/)

        // Retrying is an admin's; what still cannot apply stays, with its reason.
        assert.equal((await a.app.inject({ method: 'POST', url: '/v1/sync/parked/retry', headers: bearer(a.token()) })).statusCode, 403)
        const retried = await a.app.inject({ method: 'POST', url: '/v1/sync/parked/retry', headers: bearer(a.token(['admin'])) })
        assert.equal(retried.statusCode, 200, retried.body)
        assert.deepEqual(retried.json(), { applied: 0, stillParked: 1, resent: 0 })
        // More rounds never apply it again by themselves, and never stop on it.
        assert.equal((await a.app.inject({ method: 'POST', url: '/v1/sync/now', headers: bearer(a.token()) })).statusCode, 202)
        await storeUnchecked(store, ops.op('guest', 'gst_later_still', { firstName: 'Still', createdAt: now, updatedAt: now }))
        await eventually('a later guest still arrives', () => assert.equal(a.app.store.guests.get('gst_later_still')?.firstName, 'Still'))
        assert.equal((await statusOf(a)).parkedOps, 1)
      })
    })
  })
}

describe('a desk that failed to apply an op', () => {
  it('parks it when its projector throws (a CHECK, a trigger), applies it on an admin retry once the desk can, in order', async () => {
    await world(STORES[0]!, async ({ central, url, desk }) => {
      const a = await desk()
      const { property } = await connect(a, central, url)
      await eventually('the first round', async () => assert.notEqual((await statusOf(a)).lastSyncAt, null))
      // This desk refuses one confirmation number, as an older version's constraint might.
      const dbOf = openDatabase(a.dataDir)
      dbOf.exec(`CREATE TRIGGER refuse_blocked BEFORE INSERT ON reservations WHEN NEW.confirmation_number LIKE 'BLOCKED-%'
        BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: confirmation_number'); END`)
      const ops = opMaker('olddesk002', property.id)
      const now = Date.now()
      const reservation = (id: string, number: string) =>
        ops.op('reservation', id, {
          propertyId: property.id,
          confirmationNumber: number,
          guestId: 'gst_res',
          arrival: '2026-12-01',
          departure: '2026-12-03',
          createdAt: now,
          updatedAt: now,
        })
      const response = (await httpTransport(url, (await central.centralSync.addDevice({ name: 'Old desk', propertyId: property.id })).credential).push({
        clientId: 'olddesk002',
        schemaVersion: SYNC_SCHEMA_VERSION,
        ops: [
          ops.op('guest', 'gst_res', { firstName: 'Res', createdAt: now, updatedAt: now }),
          reservation('res_blocked_1', 'BLOCKED-1'),
          reservation('res_ok', 'OK-1'),
          reservation('res_blocked_2', 'BLOCKED-2'),
        ],
      })) as PushResponse
      assert.deepEqual(response.rejected, [])
      await eventually('the good reservation applied, the two others parked', async () => {
        assert.equal(a.app.store.reservations.get('res_ok')?.confirmationNumber, 'OK-1')
        assert.equal((await statusOf(a)).parkedOps, 2)
      })
      const status = await statusOf(a)
      assert.deepEqual(
        status.parked.map((op: { entityId: string }) => op.entityId),
        ['res_blocked_1', 'res_blocked_2'],
      )
      assert.match(status.parked[0].reason, /CHECK constraint failed: confirmation_number/)
      assert.equal(status.lastError, null)

      // "The upgrade": the desk takes them now.
      dbOf.exec('DROP TRIGGER refuse_blocked')
      dbOf.close()
      const retried = await a.app.inject({ method: 'POST', url: '/v1/sync/parked/retry', headers: bearer(a.token(['admin'])) })
      assert.equal(retried.statusCode, 200, retried.body)
      assert.deepEqual(retried.json(), { applied: 2, stillParked: 0, resent: 0 })
      assert.equal(a.app.store.reservations.get('res_blocked_1')?.confirmationNumber, 'BLOCKED-1')
      assert.equal(a.app.store.reservations.get('res_blocked_2')?.confirmationNumber, 'BLOCKED-2')
      const after = await statusOf(a)
      assert.equal(after.parkedOps, 0)
      assert.deepEqual(after.parked, [])
    })
  })

  it('parks the one message of a run that cannot be written, and writes the others of its run', async () => {
    await world(STORES[0]!, async ({ central, url, desk }) => {
      const a = await desk()
      const { property } = await connect(a, central, url)
      const pushed = await a.app.inject({
        method: 'POST',
        url: PUSH_URL,
        headers: bearer(a.token()),
        payload: { messages: [pushedMessage({ text: 'Hello', externalId: 'poison-seed' })] },
      })
      assert.equal(pushed.statusCode, 201, pushed.body)
      const conversationId = pushed.json()[0].conversationId as string
      await eventually('the conversation sent', async () => assert.equal((await statusOf(a)).pendingOps, 0))
      const ops = opMaker('olddesk003', property.id)
      const now = Date.now()
      const message = (id: string, fields: Record<string, unknown>) =>
        ops.op('message', id, { conversationId, content: { type: 'text', text: id }, status: 'delivered', createdAt: now, ...fields })
      const response = (await httpTransport(url, (await central.centralSync.addDevice({ name: 'Old desk', propertyId: property.id })).credential).push({
        clientId: 'olddesk003',
        schemaVersion: SYNC_SCHEMA_VERSION,
        // The middle one says no direction: every field it has is fine, but no desk can write it.
        ops: [message('msg_run_1', { direction: 'in' }), message('msg_run_2', {}), message('msg_run_3', { direction: 'out' })],
      })) as PushResponse
      assert.deepEqual(response.rejected, [])
      const status = await eventually('the two others written, the one parked', async () => {
        assert.equal(a.app.store.messages.get('msg_run_1')?.direction, 'in')
        assert.equal(a.app.store.messages.get('msg_run_3')?.direction, 'out')
        const current = await statusOf(a)
        assert.equal(current.parkedOps, 1)
        return current
      })
      assert.equal(a.app.store.messages.get('msg_run_2'), undefined)
      assert.equal(status.parked[0].entityId, 'msg_run_2')
      assert.match(status.parked[0].reason, /NOT NULL constraint failed: messages.direction/)
      assert.equal(status.lastError, null)
    })
  })
})
