import { lockDataDir } from './db/lock.js'
import { isWildcardHost } from './domain/host-names.js'
import { DEFAULT_HOST, DEFAULT_PORT } from './listen-defaults.js'
import { buildServer, type App, type ServerConfig } from './server.js'

export { DEFAULT_HOST, DEFAULT_PORT }

export interface RunningServer {
  app: App
  url: string
  close(): Promise<void>
}

/**
 * Builds the API and listens; used by `frontdesk serve` and the desktop host. It holds the data
 * dir's lock for its life (a second server on the same dir refuses to start, naming this one) and
 * makes the daily backup.
 */
export async function startServer(
  config: ServerConfig & {
    dataDir: string
    port?: number
    host?: string
    /** Who holds the data dir, as a second server's refusal names it. */ lockPurpose?: string
  },
): Promise<RunningServer> {
  const host = config.host ?? DEFAULT_HOST
  // The address given to listen on is a name the desk answers to (a wildcard is not: name them with allowedHosts).
  const allowedHosts = [...(config.allowedHosts ?? []), ...(isWildcardHost(host) ? [] : [host])]
  const lock = lockDataDir(config.dataDir, config.lockPurpose)
  let app: App
  try {
    app = await buildServer({ backups: {}, ...config, allowedHosts })
  } catch (error) {
    lock.release()
    throw error
  }
  try {
    await app.listen({ port: config.port ?? DEFAULT_PORT, host })
  } catch (error) {
    await app.close()
    lock.release()
    throw error
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  return {
    app,
    url,
    async close() {
      try {
        await app.close()
      } finally {
        lock.release()
      }
    },
  }
}
