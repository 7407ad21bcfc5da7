// `npm run dist [-- --linux|--win|--mac …]`: packages the desktop app with electron-builder, which
// rebuilds better-sqlite3 for Electron on the way; afterwards it is rebuilt for Node again, so
// `frontdesk serve` and the tests keep working in this checkout.
import { spawnSync } from 'node:child_process'

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1

const built = run('npm', ['run', 'build'])
const packed =
  built === 0 ? run(npx, ['electron-builder', '--config', 'build/electron-builder.config.ts', '--publish', 'never', ...process.argv.slice(2)]) : built
const restored = run(process.execPath, ['scripts/native-for.mjs', 'node'])
process.exit(packed || restored)
