import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, it } from 'node:test'
import config from '../../build/electron-builder.config.js'

const require = createRequire(import.meta.url)
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  main: string
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

describe('the electron-builder configuration', () => {
  it('passes electron-builder\'s own schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    await validateConfiguration(config, new DebugLogger(false))
    await assert.rejects(validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false)), /unknown property 'notAnOption'/, 'the check is real')
  })

  it('builds AppImage and deb for Linux, an NSIS installer for Windows and a dmg for macOS, with the app\'s icon', () => {
    assert.equal(config.appId, 'ch.frontdesk.inbox')
    assert.equal(config.productName, 'Frontdesk Inbox')
    assert.deepEqual(config.linux?.target, ['AppImage', 'deb'])
    assert.deepEqual(config.win?.target, ['nsis'])
    assert.deepEqual(config.mac?.target, ['dmg'])
    for (const icon of [config.linux?.icon, config.win?.icon, config.mac?.icon]) {
      assert.equal(icon, 'build/icon.png')
      assert.ok(existsSync(icon!), `${icon} exists`)
    }
    assert.deepEqual(config.protocols, [{ name: 'Frontdesk Inbox', schemes: ['frontdesk'] }])
  })

  it('packs what the app runs and nothing else', () => {
    assert.ok(Array.isArray(config.files))
    const files = config.files as string[]
    for (const pattern of ['dist/electron/**/*', 'dist/renderer/**/*', 'electron/assets/**/*', 'package.json']) assert.ok(files.includes(pattern), pattern)
    assert.ok(!files.some((pattern) => /^(local-api|test|bench|renderer)\//.test(pattern)), 'no sources, tests or benchmarks')
    assert.equal(pkg.main, 'dist/electron/main.mjs', 'the entry the packed files contain')
    for (const asset of ['icon.png', 'tray.png', 'tray-unread.png']) assert.ok(existsSync(`electron/assets/${asset}`), asset)
    // The renderer's libraries are bundled by Vite: they are build inputs, not shipped modules.
    for (const name of ['react', 'react-dom', 'zustand', '@tanstack/react-query']) assert.ok(pkg.devDependencies[name] && !pkg.dependencies[name], name)
    assert.ok(pkg.dependencies['electron-updater'], 'the updater ships with the app')
  })

  it('rebuilds better-sqlite3 for Electron and keeps native binaries out of the archive', () => {
    assert.equal(config.npmRebuild, true)
    assert.equal(config.asar, true)
    assert.deepEqual(config.asarUnpack, ['**/*.node'])
    assert.ok(pkg.dependencies['better-sqlite3'])
    assert.equal(pkg.scripts.dist, 'node scripts/dist.mjs')
    assert.match(readFileSync('scripts/dist.mjs', 'utf8'), /native-for\.mjs', 'node'/, 'puts the Node build back afterwards')
    assert.match(pkg.scripts.start!, /native-for\.mjs electron/)
  })

  it('flips the hardening fuses', () => {
    assert.deepEqual(config.electronFuses, {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('publishes update metadata for a generic server', () => {
    assert.deepEqual((config.publish as { provider: string }[]).map((entry) => entry.provider), ['generic'])
  })
})
