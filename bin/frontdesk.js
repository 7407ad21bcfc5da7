#!/usr/bin/env node
// The `frontdesk` command: `npx frontdesk serve --data-dir ./data`. It runs the bundle that
// scripts/build-cli.mjs compiles from local-api/cli.ts (`npm ci` builds it through `prepare`).
import { existsSync } from 'node:fs'
import module from 'node:module'
import { fileURLToPath } from 'node:url'

const args = process.argv.slice(2)
// `frontdesk central …` is the central sync server's own program; every other command is the desk's.
const central = args[0] === 'central'
const bundle = new URL(central ? '../dist/cli/frontdesk-central.mjs' : '../dist/cli/frontdesk.mjs', import.meta.url)
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
process.exitCode = await main(central ? args.slice(1) : args)
