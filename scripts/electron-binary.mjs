// Electron's binary comes from outside the npm registry, so `npm ci` does not fetch it (package.json's
// allowScripts turns the electron package's download script off: the headless command and the tests
// need nothing of it, and installs stay offline-safe). `npm start` runs this first: it downloads the
// binary once, through the electron package's own script, and does nothing when it is there.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

function installed() {
  try {
    return existsSync(require('electron')) // the binary's path; throws before the download
  } catch {
    return false
  }
}

if (installed()) process.exit(0)
console.log("Downloading Electron's binary (once; about 100 MB) …")
const download = spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit' })
if (download.status !== 0 || !installed()) {
  console.error("could not download Electron's binary: the desktop app needs it (the headless `npx frontdesk serve` does not)")
  process.exit(1)
}
