// `frontdesk sync …`: connects a desk's data dir to a central server, shows its sync state, syncs once,
// retries what was set aside.
import { parseArgs } from 'node:util'
import { UsageError } from '../sync-core/cli.js'
import { openStore } from './db/store.js'
import { createServices } from './services/index.js'
import { SyncConnectError } from './services/sync/sync-service.js'

export const SYNC_USAGE = `  frontdesk sync connect --data-dir DIR --central URL --credential fdd_…
  frontdesk sync status --data-dir DIR
  frontdesk sync now --data-dir DIR   (one round, for a desk that is not running)
  frontdesk sync retry-parked --data-dir DIR   (after an upgrade: apply parked changes again, send refused ones again)`

/** How many parked and refused changes `sync status` names (it counts them all). */
const LISTED = 5

export async function syncMain(args: string[]): Promise<number> {
  const [action, ...rest] = args
  const { values } = parseArgs({
    args: rest,
    options: { 'data-dir': { type: 'string' }, central: { type: 'string' }, credential: { type: 'string' } },
    strict: true,
  })
  if (!['connect', 'status', 'now', 'retry-parked'].includes(action ?? '')) throw new UsageError(`unknown sync command "${action ?? ''}"`)
  if (!values['data-dir']) throw new UsageError('--data-dir is required')
  const store = openStore(values['data-dir'])
  const { sync } = createServices(store)
  try {
    if (action === 'connect') {
      if (!values.central) throw new UsageError('--central URL is required (where `frontdesk central` listens)')
      if (!values.credential) throw new UsageError('--credential is required (from `frontdesk central device add`)')
      const device = await sync.connect(values.central, values.credential)
      process.stdout.write(
        `connected as device ${device.deviceId} ("${device.deviceName}") of ${device.propertyId}; ` +
          '`frontdesk serve` (or the desktop app) syncs from its next start\n',
      )
      return 0
    }
    if (action === 'retry-parked') {
      const result = sync.retryParked()
      if (!result) throw new SyncConnectError('not connected', 'this desk is not connected to a central server')
      process.stdout.write(
        `${result.applied} parked change(s) from other desks applied, ${result.stillParked} still set aside\n` +
          `${result.resent} refused change(s) of this desk queued to be sent again: they go up with the desk's next sync round ` +
          '(within 30 s while it runs; `frontdesk sync now` when it does not)\n',
      )
      return 0
    }
    if (action === 'now') await sync.syncOnce()
    const status = sync.status()
    const properties = store.properties.list()
    process.stdout.write(
      [
        `central server: ${status.centralUrl ?? 'not connected'}`,
        `device: ${status.deviceId ?? '-'}`,
        `properties here: ${properties.map((property) => `${property.id} ("${property.name}")`).join(', ') || 'none yet'}`,
        `changes not yet sent: ${status.pendingOps}`,
        `changes waiting to apply: ${status.waitingOps}`,
        `last sync: ${status.lastSyncAt ? new Date(status.lastSyncAt).toISOString() : 'never'}`,
        `last error: ${status.lastError ?? 'none'}`,
        ...(status.identityChange ? [`${status.identityChange.message} (${new Date(status.identityChange.at).toISOString()})`] : []),
        `changes from other desks that could not be applied (parked): ${status.parkedOps}`,
        ...listed(
          status.parked.map((op) => ({ ...op, at: op.parkedAt })),
          status.parkedOps,
        ),
        `changes of this desk the central server refused (no other desk has them): ${status.refusedOps}`,
        ...listed(
          status.refused.map((op) => ({ ...op, at: op.refusedAt })),
          status.refusedOps,
        ),
        ...(status.parkedOps + status.refusedOps > 0
          ? [`after an upgrade, retry them: frontdesk sync retry-parked --data-dir ${values['data-dir']} (or Settings › Sync in the inbox)`]
          : []),
      ].join('\n') + '\n',
    )
    return 0
  } catch (error) {
    if (error instanceof SyncConnectError) {
      process.stderr.write(`frontdesk: ${error.message}\n`)
      return 1
    }
    throw error
  } finally {
    await sync.stop()
    store.close()
  }
}

/** The first few of a list of set-aside changes, one a line: entity, id, why, when. */
function listed(ops: { entity: string; entityId: string; reason: string; at: number }[], count: number): string[] {
  const lines = ops.slice(0, LISTED).map((op) => `  ${op.entity} ${op.entityId} (${new Date(op.at).toISOString()}): ${op.reason}`)
  return count > LISTED ? [...lines, `  … and ${count - LISTED} more`] : lines
}
