// `frontdesk central …`: runs the central sync server and manages the desks' device credentials.
import { parseArgs } from 'node:util'
import { buildCentralServer } from './server.js'
import type { CentralStore } from './store/central-store.js'
import { openPostgresCentralStore } from './store/postgres-store.js'
import { openSqliteCentralStore } from './store/sqlite-store.js'
import { createSyncService } from './sync-service.js'

export const CENTRAL_DEFAULT_PORT = 4790

export const CENTRAL_USAGE = `  frontdesk central --data-dir DIR [--port ${CENTRAL_DEFAULT_PORT}] [--host 127.0.0.1]
      (with DATABASE_URL=postgres://… it runs on PostgreSQL instead of DIR)
  frontdesk central device add --data-dir DIR --property prop_… --name NAME
  frontdesk central device list --data-dir DIR
  frontdesk central device revoke --data-dir DIR DEVICE_ID`

export class CentralUsageError extends Error {}

async function openStoreFrom(dataDir: string | undefined): Promise<CentralStore> {
  const url = process.env.DATABASE_URL
  if (url) return openPostgresCentralStore(url)
  if (!dataDir) throw new CentralUsageError('--data-dir is required (or DATABASE_URL for PostgreSQL)')
  return openSqliteCentralStore(dataDir)
}

export async function centralMain(args: string[]): Promise<number> {
  if (args[0] === 'device') return device(args.slice(1))
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } }, strict: true })
  const port = values.port === undefined ? CENTRAL_DEFAULT_PORT : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CentralUsageError('--port must be 0 to 65535')
  const host = values.host ?? '127.0.0.1'
  const stopRequested = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  const store = await openStoreFrom(values['data-dir'])
  const app = await buildCentralServer({ store })
  await app.listen({ port, host }).catch(async (error: NodeJS.ErrnoException) => {
    await app.close()
    if (error.code === 'EADDRINUSE') throw new Error(`port ${port} on ${host} is taken; choose another with --port`)
    throw error
  })
  const address = app.server.address()
  process.stdout.write(`central listening on http://${host}:${typeof address === 'object' && address ? address.port : port} (${store.kind})\n`)
  await stopRequested
  await app.close()
  return 0
}

async function device(args: string[]): Promise<number> {
  const [action, ...rest] = args
  const { values, positionals } = parseArgs({
    args: rest,
    options: { 'data-dir': { type: 'string' }, property: { type: 'string' }, name: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  })
  const store = await openStoreFrom(values['data-dir'])
  const sync = createSyncService(store)
  try {
    if (action === 'add') {
      if (!values.property?.startsWith('prop_')) throw new CentralUsageError('--property prop_… is required: the property whose desk this is')
      if (!values.name) throw new CentralUsageError('--name is required')
      const { device, credential } = await sync.addDevice({ name: values.name, propertyId: values.property })
      process.stderr.write(`device ${device.id} for ${device.propertyId}; its credential (shown once):\n`)
      process.stdout.write(`${credential}\n`)
      return 0
    }
    if (action === 'list') {
      for (const d of await sync.devices()) {
        process.stdout.write(`${d.id}\t${d.propertyId}\t${d.name}\t${d.revokedAt ? `revoked ${new Date(d.revokedAt).toISOString()}` : 'active'}\n`)
      }
      return 0
    }
    if (action === 'revoke') {
      const id = positionals[0]
      if (!id) throw new CentralUsageError('which device? frontdesk central device revoke DEVICE_ID')
      if (!(await sync.revokeDevice(id))) throw new Error(`no active device ${id}`)
      process.stdout.write(`revoked ${id}\n`)
      return 0
    }
    throw new CentralUsageError(`unknown device action "${action ?? ''}"`)
  } finally {
    await store.close()
  }
}
