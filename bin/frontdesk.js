#!/usr/bin/env node
// The `frontdesk` command: `npx frontdesk serve --data-dir ./data`. It runs the bundle that
// scripts/build-cli.mjs compiles from local-api/cli.ts (`npm ci` builds it through `prepare`).
import { existsSync } from 'node:fs'
import module from 'node:module'
import { fileURLToPath } from 'node:url'

const bundle = new URL('../dist/cli/frontdesk.mjs', import.meta.url)
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    `frontdesk: the command is not built (${fileURLToPath(bundle)} is missing).\n` +
      'Build it with `npm run build:cli` (npm ci does this unless scripts are turned off).\n',
  )
  process.exit(1)
}
// Node keeps V8's compiled code of the modules between runs (in its own cache in the temp dir), so
// a start compiles only what changed: about a fifth of the start-up time.
module.enableCompileCache?.()
const { main } = await import(bundle.href)
process.exitCode = await main(process.argv.slice(2))
