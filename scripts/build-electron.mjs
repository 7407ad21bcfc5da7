// Bundles the desktop shell's TypeScript into dist/electron/: the main process (ESM), the
// sandboxed preload and the local API's utility process (both CommonJS: sandboxed preloads require
// it, and Electron documents ESM for the main process only). Packages stay external: they load
// from node_modules as usual.
import { build } from 'esbuild'

const common = { bundle: true, platform: 'node', target: 'node22', packages: 'external', sourcemap: true, logLevel: 'warning' }

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.mjs', format: 'esm' }),
  build({
    ...common,
    entryPoints: ['electron/server-process.ts'],
    outfile: 'dist/electron/server-process.cjs',
    format: 'cjs',
    // The API finds its files relative to its own module (import.meta.url), which CommonJS spells differently.
    define: { 'import.meta.url': '__moduleUrl' },
    banner: { js: "const __moduleUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
])
