import { v7 as uuidv7 } from 'uuid'
import { createHlcClock } from '../../sync-core/hlc.js'
import { spaceOf, SYNC_SCHEMA_VERSION, type SyncEntity, type SyncOp } from '../../sync-core/protocol.js'

/** Makes a client's ops in sequence, as a desk's outbox would. */
export function opMaker(clientId: string, propertyId: string, now: () => number = Date.now) {
  const clock = createHlcClock(clientId, now)
  let seq = 0
  return {
    op(entity: SyncEntity, entityId: string, fields: Record<string, unknown>, overrides: Partial<SyncOp> = {}): SyncOp {
      return {
        opId: uuidv7(),
        clientId,
        clientSeq: ++seq,
        hlc: clock.now(),
        space: spaceOf(entity, propertyId),
        entity,
        entityId,
        fields,
        schemaVersion: SYNC_SCHEMA_VERSION,
        ...overrides,
      }
    },
  }
}
