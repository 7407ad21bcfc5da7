import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

const rendererDir = fileURLToPath(new URL('.', import.meta.url))

/**
 * The app's code runs as soon as it is loaded (async), not once the whole page is in: the desk's
 * server sends the page's head at once and its end (the first screen's answers) when it has worked
 * them out, and the code starts meanwhile (renderer/api/first-screen-answers.ts waits for the answers).
 */
const codeRunsOnArrival: Plugin = {
  name: 'code-runs-on-arrival',
  transformIndexHtml: {
    order: 'post',
    handler: (html) => html.replace(/<script type="module" crossorigin src=/g, '<script type="module" async crossorigin src='),
  },
}

export default defineConfig({
  root: rendererDir,
  base: '/',
  plugins: [react(), codeRunsOnArrival],
  // '@/…' imports resolve from renderer/ (mirrors "paths" in tsconfig.json).
  resolve: { alias: [{ find: /^@\//, replacement: rendererDir }] },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    // `npm run dev:renderer` against a local API started with `npx frontdesk serve`.
    // The API accepts a state-changing request only from its own origin (http://127.0.0.1:4780): the
    // dev server's own pages are passed on as that origin; any other Origin is left for the API to refuse.
    proxy: {
      '/v1': {
        target: 'http://127.0.0.1:4780',
        changeOrigin: false,
        configure: (proxy) =>
          proxy.on('proxyReq', (proxyRequest, request) => {
            if (request.headers.origin === `http://${request.headers.host}`) proxyRequest.setHeader('origin', 'http://127.0.0.1:4780')
          }),
      },
    },
  },
})
