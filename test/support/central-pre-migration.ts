import assert from 'node:assert/strict'
import type { CentralStore } from '../../central/store/central-store.js'
import { createSyncService } from '../../central/sync-service.js'
import { SYNC_SCHEMA_VERSION, type PushResponse } from '../../sync-core/protocol.js'
import { PRE_MIGRATION_CONTENT as content } from '../fixtures/central-pre-migration.js'
import { opMaker } from './sync-ops.js'

/**
 * Checks that a store opened on a database made before numbered migrations (holding
 * PRE_MIGRATION_CONTENT) serves all it held, and that sync goes on from there.
 */
export async function assertServesPreMigrationContent(store: CentralStore): Promise<void> {
  assert.deepEqual(await store.devices(), [content.device])
  assert.deepEqual(await store.client(content.clientId), { ackedSeq: 2, boundTo: null }, 'bound to a device only at its first use after the upgrade')
  assert.deepEqual(await store.spaceBounds(content.propertyId), { lastSeq: 1, floor: 1 })
  assert.deepEqual(await store.opsAfter(content.propertyId, 0, 10), [{ serverSeq: 1, op: content.op }])
  assert.deepEqual(await store.stateAfter(content.propertyId, null, 10), [
    { rank: content.rank, entity: 'conversation', entityId: 'conv_1', fields: { mode: 'ai' }, clocks: { mode: content.op.hlc } },
  ])
  assert.deepEqual(await store.rejectedOps(content.clientId), [{ opId: content.rejected.opId, clientSeq: 2, reason: content.rejectedReason }])

  const sync = createSyncService(store)
  const device = await sync.authenticate(content.credential)
  assert.deepEqual(device, content.device, 'the desk signs in with the credential it was given then')
  const next = opMaker(content.clientId, content.propertyId).op('conversation', 'conv_1', { mode: 'human' }, { clientSeq: 3 })
  const pushed = (await sync.push(device!, { clientId: content.clientId, schemaVersion: SYNC_SCHEMA_VERSION, ops: [next] })) as PushResponse
  assert.equal(pushed.ackedSeq, 3)
  assert.deepEqual(await store.client(content.clientId), { ackedSeq: 3, boundTo: content.device.id })
  assert.deepEqual(await store.opsAfter(content.propertyId, 1, 10), [{ serverSeq: 2, op: next }])
  assert.deepEqual((await store.stateAfter(content.propertyId, null, 10))[0]?.fields, { mode: 'human' })
}
