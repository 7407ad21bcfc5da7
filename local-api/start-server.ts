import { DEFAULT_HOST, DEFAULT_PORT } from './listen-defaults.js'
import { buildServer, type App, type ServerConfig } from './server.js'

export { DEFAULT_HOST, DEFAULT_PORT }

export interface RunningServer {
  app: App
  url: string
  close(): Promise<void>
}

/** Builds the API and listens; used by `frontdesk serve` and the desktop host. */
export async function startServer(
  config: ServerConfig & { dataDir: string; port?: number; host?: string },
): Promise<RunningServer> {
  const app = await buildServer(config)
  try {
    await app.listen({ port: config.port ?? DEFAULT_PORT, host: config.host ?? DEFAULT_HOST })
  } catch (error) {
    await app.close()
    throw error
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const host = config.host ?? DEFAULT_HOST
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  return { app, url, close: () => app.close() }
}
