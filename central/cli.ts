// `frontdesk central …`: runs the central sync server and manages the desks' device credentials.
// The central server's own entry point (bin/frontdesk.js hands it every `frontdesk central` command);
// it shares only sync-core/ with the desk.
import { parseArgs } from 'node:util'
import { helpRequested, listenFailure, portOption, printHelp, runCommand, stopRequested, UsageError } from '../sync-core/cli.js'
import { buildCentralServer } from './server.js'
import type { CentralStore } from './store/central-store.js'
import { openPostgresCentralStore } from './store/postgres-store.js'
import { openSqliteCentralStore } from './store/sqlite-store.js'
import { createSyncService } from './sync-service.js'

const CENTRAL_DEFAULT_PORT = 4790

const USAGE = `usage:
  frontdesk central --data-dir DIR [--port ${CENTRAL_DEFAULT_PORT}] [--host 127.0.0.1]
      (with DATABASE_URL=postgres://… it runs on PostgreSQL instead of DIR)
  frontdesk central device add --data-dir DIR --property prop_… --name NAME
  frontdesk central device list --data-dir DIR
  frontdesk central device revoke --data-dir DIR DEVICE_ID`

/** Runs `frontdesk central ARGS…` (the arguments after `central`); returns the process exit code. */
export async function main(args: string[]): Promise<number> {
  return runCommand(USAGE, async () => {
    if (helpRequested(args)) return printHelp(USAGE)
    if (args[0] === 'device') return await device(args.slice(1))
    return await serve(args)
  })
}

async function openStoreFrom(dataDir: string | undefined): Promise<CentralStore> {
  const url = process.env.DATABASE_URL
  if (url) return openPostgresCentralStore(url)
  if (!dataDir) throw new UsageError('--data-dir is required (or DATABASE_URL for PostgreSQL)')
  return openSqliteCentralStore(dataDir)
}

/** `frontdesk central [--data-dir DIR] [--port N] [--host H]`: serves until SIGINT or SIGTERM. */
async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } }, strict: true })
  const port = portOption(values.port, CENTRAL_DEFAULT_PORT)
  const host = values.host ?? '127.0.0.1'
  const stop = stopRequested()
  const store = await openStoreFrom(values['data-dir'])
  const app = await buildCentralServer({ store })
  await app.listen({ port, host }).catch(async (error: NodeJS.ErrnoException) => {
    await app.close()
    throw listenFailure(error, port, host)
  })
  const address = app.server.address()
  process.stdout.write(`central listening on http://${host}:${typeof address === 'object' && address ? address.port : port} (${store.kind})\n`)
  await stop
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
      if (!values.property?.startsWith('prop_')) throw new UsageError('--property prop_… is required: the property whose desk this is')
      if (!values.name) throw new UsageError('--name is required')
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
      if (!id) throw new UsageError('which device? frontdesk central device revoke DEVICE_ID')
      if (!(await sync.revokeDevice(id))) throw new Error(`no active device ${id}`)
      process.stdout.write(`revoked ${id}\n`)
      return 0
    }
    throw new UsageError(`unknown device action "${action ?? ''}"`)
  } finally {
    await store.close()
  }
}
