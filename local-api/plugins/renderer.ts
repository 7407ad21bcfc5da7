import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { FIRST_SCREEN_ELEMENT_ID, firstScreenAnswers, firstScreenRequests, jsonInScriptElement } from './first-screen-answers.js'

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
 * Serves the built renderer: hashed assets cached for good. The app's pages are index.html with the
 * answers to their first screen's API requests in it (first-screen-answers.ts): the head goes out at
 * once, so Chromium sets the page up and loads the code while the desk works out the answers, which
 * follow in the same response. A page holds guest data: never stored by the browser's cache (and a
 * new build shows up on the next reload).
 */
export async function serveRenderer(app: FastifyInstance, rendererDir = DEFAULT_RENDERER_DIR): Promise<void> {
  const indexPath = join(rendererDir, 'index.html')
  const built = existsSync(indexPath)
  if (built) {
    await app.register(fastifyStatic, {
      root: rendererDir,
      index: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store')
      },
    })
  }
  for (const url of APP_ROUTES) {
    app.get(url, { schema: { hide: true } }, async (request, reply) => {
      if (!built) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE)
      const html = await readFile(indexPath, 'utf8')
      const closing = html.lastIndexOf('</body>')
      const bodyEnd = closing === -1 ? html.length : closing
      const page = new PassThrough()
      page.write(html.slice(0, bodyEnd))
      void reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page)
      const conversationId = (request.params as { id?: string }).id
      const answers = await firstScreenAnswers(app, request, firstScreenRequests(new URL(request.url, 'http://desk').pathname, conversationId))
      page.end(`<script type="application/json" id="${FIRST_SCREEN_ELEMENT_ID}">${jsonInScriptElement(answers)}</script>\n${html.slice(bodyEnd)}`)
      return reply
    })
  }
}
