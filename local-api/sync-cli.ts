// `frontdesk sync …`: connects a desk's data dir to a central server, shows its sync state, syncs once.
import { parseArgs } from 'node:util'
import { UsageError } from '../sync-core/cli.js'
import { openStore } from './db/store.js'
import { createServices } from './services/index.js'
import { SyncConnectError } from './services/sync/sync-service.js'

export const SYNC_USAGE = `  frontdesk sync connect --data-dir DIR --central URL --credential fdd_…
  frontdesk sync status --data-dir DIR
  frontdesk sync now --data-dir DIR   (one round, for a desk that is not running)`

export async function syncMain(args: string[]): Promise<number> {
  const [action, ...rest] = args
  const { values } = parseArgs({
    args: rest,
    options: { 'data-dir': { type: 'string' }, central: { type: 'string' }, credential: { type: 'string' } },
    strict: true,
  })
  if (!['connect', 'status', 'now'].includes(action ?? '')) throw new UsageError(`unknown sync command "${action ?? ''}"`)
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
