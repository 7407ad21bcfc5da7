import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const rendererDir = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: rendererDir,
  base: '/',
  plugins: [react()],
  // '@/…' imports resolve from renderer/ (mirrors "paths" in tsconfig.json).
  resolve: { alias: [{ find: /^@\//, replacement: rendererDir }] },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    // `npm run dev:renderer` against a local API started with `npx frontdesk serve`.
    proxy: { '/v1': { target: 'http://127.0.0.1:4780', changeOrigin: false } },
  },
})
