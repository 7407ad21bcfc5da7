#!/usr/bin/env node
// The `frontdesk` command. The app is written in TypeScript and run through tsx's loader, so the
// headless server needs no build step: `npx frontdesk serve --data-dir ./data`.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../local-api/cli.ts')
process.exitCode = await main(process.argv.slice(2))
