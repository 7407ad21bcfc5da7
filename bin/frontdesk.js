#!/usr/bin/env node
// The `frontdesk` command. The app is written in TypeScript and run through tsx's loader, so the
// headless server needs no build step: `npx frontdesk serve --data-dir ./data`.
import { register } from 'tsx/esm/api'

register()
const args = process.argv.slice(2)
// `frontdesk central …` is the central sync server's own program; every other command is the desk's.
const central = args[0] === 'central'
const { main } = await import(central ? '../central/cli.ts' : '../local-api/cli.ts')
process.exitCode = await main(central ? args.slice(1) : args)
