import { parseArgs } from 'node:util'
import { helpRequested, listenFailure, portOption, printHelp, runCommand, stopRequested, UsageError } from '../sync-core/cli.js'
import { allowedHostEntry, publicBaseUrl } from './domain/host-names.js'
import { isScope, SCOPES, type Scope } from './domain/scopes.js'
import { openStore } from './db/store.js'
import { createApiToken } from './services/api-tokens.js'
import { ensureDefaultProperty } from './services/properties.js'
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from './start-server.js'
import { STORAGE_USAGE, storageMain } from './storage-cli.js'
import { SYNC_USAGE, syncMain } from './sync-cli.js'
import { TOKEN_USAGE, tokenMain } from './token-cli.js'

const SERVE_USAGE = `  frontdesk serve --data-dir DIR [--port N] [--host 127.0.0.1] [--country CC]
                  [--allowed-host NAME]... [--public-url URL]`
const TOKENS_USAGE = `  frontdesk token create --data-dir DIR --name NAME --scopes a,b [--property prop_…]
${TOKEN_USAGE}

scopes: ${SCOPES.join(', ')}`

const USAGE = `usage:
${SERVE_USAGE}
  frontdesk token create --data-dir DIR --name NAME --scopes a,b [--property prop_…]
${TOKEN_USAGE}
${STORAGE_USAGE}
${SYNC_USAGE}
  frontdesk central …   the central sync server and its desks' credentials (frontdesk central help)

scopes: ${SCOPES.join(', ')}`

/** What `frontdesk COMMAND --help` prints: that command's usage. */
const COMMAND_USAGE: Record<string, string> = {
  serve: SERVE_USAGE,
  token: TOKENS_USAGE,
  sync: SYNC_USAGE,
  backup: STORAGE_USAGE,
  restore: STORAGE_USAGE,
}

/** Runs the `frontdesk` command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  return runCommand(USAGE, async () => {
    const [command, ...rest] = argv
    if (helpRequested(argv)) {
      const usage = command === undefined || command === 'help' ? undefined : COMMAND_USAGE[command]
      return printHelp(usage === undefined ? USAGE : `usage:\n${usage}`)
    }
    if (command === 'serve') return await serve(rest)
    if (command === 'token' && rest[0] === 'create') return createToken(rest.slice(1))
    if (command === 'token') return await tokenMain(rest)
    if (command === 'sync') return await syncMain(rest)
    if (command === 'backup' || command === 'restore') return await storageMain(command, rest)
    if (command === undefined) {
      process.stdout.write(`${USAGE}\n`)
      return 2
    }
    throw new UsageError(`unknown command "${argv.join(' ')}"`)
  })
}

/** A value checked by `check`; its RangeError becomes a usage error naming the option. */
function usageOnRangeError<T>(option: string, check: () => T): T {
  try {
    return check()
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`${option}: ${error.message}`)
    throw error
  }
}

function requireOption(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(`--${name} is required`)
  return value
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      country: { type: 'string' },
      'allowed-host': { type: 'string', multiple: true },
      'public-url': { type: 'string' },
    },
    strict: true,
  })
  const dataDir = requireOption(values['data-dir'], 'data-dir')
  const allowedHosts = (values['allowed-host'] ?? []).map((entry) => usageOnRangeError('--allowed-host', () => allowedHostEntry(entry)))
  const publicUrl = values['public-url'] === undefined ? undefined : usageOnRangeError('--public-url', () => publicBaseUrl(values['public-url']!))
  const port = portOption(values.port, DEFAULT_PORT)
  const host = values.host ?? DEFAULT_HOST

  const stop = stopRequested()
  const server = await startServer({
    dataDir,
    port,
    host,
    allowedHosts,
    publicUrl,
    defaultCountry: values.country?.toUpperCase(),
    logger: { level: process.env.FRONTDESK_LOG_LEVEL ?? 'warn', stream: process.stderr },
  }).catch((error: NodeJS.ErrnoException) => {
    throw listenFailure(error, port, host)
  })
  process.stdout.write(`listening on ${server.url}\n`)

  await stop
  await server.close()
  return 0
}

function createToken(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string' },
      property: { type: 'string' },
    },
    strict: true,
  })
  const dataDir = requireOption(values['data-dir'], 'data-dir')
  const name = requireOption(values.name, 'name')
  const scopes = requireOption(values.scopes, 'scopes')
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean)
  const unknown = scopes.filter((scope) => !isScope(scope))
  if (scopes.length === 0 || unknown.length) throw new UsageError(`unknown scope(s): ${unknown.join(', ') || '(none given)'}`)

  const store = openStore(dataDir)
  try {
    ensureDefaultProperty(store, { name: 'My hotel', defaultCountry: 'US', timeZone: 'UTC' })
    if (values.property && !store.properties.get(values.property)) throw new UsageError(`no property has the id ${values.property}`)
    const { token } = createApiToken(store, { name, scopes: scopes as Scope[], propertyId: values.property })
    process.stdout.write(`${token}\n`)
    return 0
  } finally {
    store.close()
  }
}
