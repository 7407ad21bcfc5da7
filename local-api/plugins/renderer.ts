import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where `npm run build:renderer` writes the inbox UI. */
export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url))

/** The inbox's own addresses (its client-side routes): each answers with the app's index.html. */
export const APP_ROUTES = [
  '/',
  '/setup',
  '/sign-in',
  '/agents',
  '/leads',
  '/knowledge',
  '/templates',
  '/settings',
  '/stats',
  '/arrivals',
  '/conversations/:id',
] as const

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Frontdesk Inbox</title>
<body style="font-family:system-ui;margin:3rem"><h1>The inbox UI is not built</h1>
<p>Run <code>npm run build:renderer</code> (or <code>npm ci</code>, which builds it), then reload.
The API works without it: see <a href="/docs">/docs</a>.</p></body></html>`

/**
 * Serves the built renderer: hashed assets cached for good, index.html never cached, so a new
 * build shows up on the next reload.
 */
export async function serveRenderer(app: FastifyInstance, rendererDir = DEFAULT_RENDERER_DIR): Promise<void> {
  const built = existsSync(join(rendererDir, 'index.html'))
  if (built) {
    await app.register(fastifyStatic, {
      root: rendererDir,
      index: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  }
  for (const url of APP_ROUTES) {
    app.get(url, { schema: { hide: true } }, async (_request, reply) => {
      if (!built) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE)
      return reply.header('cache-control', 'no-cache').sendFile('index.html')
    })
  }
}
