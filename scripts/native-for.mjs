// better-sqlite3 is a native module: built for Node it serves `frontdesk serve` and the tests,
// built for Electron it serves the desktop app. This makes sure it is built for the runtime about
// to use it, rebuilding only when it is not: `node scripts/native-for.mjs node|electron`.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const runtime = process.argv[2]
if (runtime !== 'node' && runtime !== 'electron') {
  console.error('usage: node scripts/native-for.mjs node|electron')
  process.exit(2)
}

const probe = "require('better-sqlite3')(':memory:').close()"
const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'pipe', encoding: 'utf8', env: { ...process.env, ...env }, shell: process.platform === 'win32' })
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

function loadsIn(target) {
  if (target === 'node') return run(process.execPath, ['-e', probe]).status === 0
  const electron = createRequire(import.meta.url)('electron') // the binary's path
  return run(electron, ['-e', probe], { ELECTRON_RUN_AS_NODE: '1' }).status === 0
}

if (loadsIn(runtime)) process.exit(0)
console.log(`better-sqlite3 is not built for ${runtime}: rebuilding it (about a minute) …`)
const rebuild = runtime === 'node' ? run('npm', ['rebuild', 'better-sqlite3']) : run(npx, ['electron-builder', 'install-app-deps'])
if (rebuild.status !== 0 || !loadsIn(runtime)) {
  console.error(rebuild.stdout, rebuild.stderr)
  console.error(`could not build better-sqlite3 for ${runtime}`)
  process.exit(1)
}
console.log(`better-sqlite3 is built for ${runtime}.`)
