// Bundles the Electron main process (TypeScript, with the local API) into dist/electron/main.mjs.
// Packages stay external: they load from node_modules as usual.
import { build } from 'esbuild'

await build({
  entryPoints: ['electron/main.ts'],
  outfile: 'dist/electron/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
