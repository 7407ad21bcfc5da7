import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import config from '../../build/electron-builder.config.js'

const require = createRequire(import.meta.url)
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  main: string
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

interface FileFilter {
  (file: string, stat: { isDirectory(): boolean; moduleFullFilePath?: string }): boolean
}
interface FileMatcherLike {
  patterns: string[]
  createFilter(): FileFilter
}
const fileMatcher = require('app-builder-lib/out/fileMatcher.js') as {
  FileMatcher: new (from: string, to: string, macroExpander: (s: string) => string, patterns?: string[]) => FileMatcherLike
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (s: string) => string,
    platformOptions: object,
    platformPackager: object,
    outDir: string,
    isElectronCompile: boolean,
  ): FileMatcherLike[]
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (s: string) => string,
    platformOptions: object,
    packager: object,
  ): FileMatcherLike
}
const sameText = (text: string) => text
const info = { config, projectDir: ROOT, buildResourcesDir: 'build', isPrepackedAppAsar: false, debugLogger: { isEnabled: false } }
const file = { isDirectory: () => false }

/** Whether electron-builder packs this file of the project (a path from the root), as its own file matchers decide. */
function packsProjectFile(path: string): boolean {
  const [main] = fileMatcher.getMainFileMatchers(ROOT, '/app', sameText, config.linux ?? {}, { info }, join(ROOT, 'release'), false)
  return main!.createFilter()(join(ROOT, path), file)
}

/** Whether electron-builder packs this file of a production dependency (`node_modules/…`), as it matches each module's files. */
function packsModuleFile(path: string): boolean {
  const { patterns } = fileMatcher.getNodeModuleFileMatcher(ROOT, '/app', sameText, config.linux ?? {}, info)
  const filter = new fileMatcher.FileMatcher(join(ROOT, 'node_modules'), '/app/node_modules', sameText, patterns).createFilter()
  return filter(join(ROOT, path), { ...file, moduleFullFilePath: path })
}

/** The lockfile's packages reached from these dependency names (each as its path, `node_modules/…`), resolved as Node does. */
function installedClosure(names: string[]): Set<string> {
  const { packages } = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>
  }
  const resolveFrom = (from: string, name: string): string | undefined => {
    for (let base = from; ; base = base.includes('/node_modules/') ? base.slice(0, base.lastIndexOf('/node_modules/')) : '') {
      const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`
      if (packages[candidate]) return candidate
      if (!base) return undefined
    }
  }
  const reached = new Set<string>()
  const visit = (from: string, name: string) => {
    const path = resolveFrom(from, name)
    if (!path || reached.has(path)) return
    reached.add(path)
    const entry = packages[path]!
    for (const dependency of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(path, dependency)
  }
  for (const name of names) visit('', name)
  return reached
}

describe('the electron-builder configuration', () => {
  it("passes electron-builder's own schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>
    }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    await validateConfiguration(config, new DebugLogger(false))
    await assert.rejects(validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false)), /unknown property 'notAnOption'/, 'the check is real')
  })

  it("builds AppImage and deb for Linux, an NSIS installer for Windows and a dmg for macOS, with the app's icon", () => {
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
    assert.ok(!files.some((pattern) => /^(local-api|central|sync-core|test|bench|renderer)\//.test(pattern)), 'no sources, tests or benchmarks')
    assert.equal(pkg.main, 'dist/electron/main.mjs', 'the entry the packed files contain')
    for (const asset of ['icon.png', 'tray.png', 'tray-unread.png']) assert.ok(existsSync(`electron/assets/${asset}`), asset)
    // The renderer's libraries are bundled by Vite: they are build inputs, not shipped modules.
    for (const name of ['react', 'react-dom', 'zustand', '@tanstack/react-query']) assert.ok(pkg.devDependencies[name] && !pkg.dependencies[name], name)
    assert.ok(pkg.dependencies['electron-updater'], 'the updater ships with the app')
  })

  it('leaves the central server out: no central/ or sync-core/ sources, no PostgreSQL client or what only it needs', () => {
    for (const path of ['central/cli.ts', 'central/store/postgres-store.ts', 'sync-core/protocol.ts', 'local-api/cli.ts'])
      assert.equal(packsProjectFile(path), false, path)
    assert.equal(packsProjectFile('dist/electron/main.mjs'), true, 'the check is real')

    const others = installedClosure(Object.keys(pkg.dependencies).filter((name) => name !== 'pg'))
    const onlyForPg = [...installedClosure(['pg'])].filter((path) => !others.has(path))
    assert.ok(onlyForPg.includes('node_modules/pg') && onlyForPg.includes('node_modules/pg-protocol') && onlyForPg.length > 5, onlyForPg.join(', '))
    for (const path of onlyForPg) assert.equal(packsModuleFile(`${path}/package.json`), false, `${path} is left out`)
    for (const path of others) assert.equal(packsModuleFile(`${path}/package.json`), true, `${path} ships (the app needs it)`)
    assert.ok(others.has('node_modules/split2'), 'a package pg shares with the app (pino) stays')
  })

  it("bundles no central/ code and no pg into the desktop app's processes", async () => {
    // The entries scripts/build-electron.mjs bundles; packages stay external there too.
    const result = await build({
      entryPoints: ['electron/main.ts', 'electron/server-process.ts', 'electron/preload.ts'].map((entry) => join(ROOT, entry)),
      bundle: true,
      platform: 'node',
      packages: 'external',
      format: 'esm',
      write: false,
      metafile: true,
      outdir: join(ROOT, 'dist', 'boundary-check'),
      logLevel: 'silent',
    })
    const inputs = Object.keys(result.metafile.inputs)
    assert.ok(
      inputs.some((input) => input.startsWith('local-api/')),
      'the check is real: the API process bundles local-api/',
    )
    assert.deepEqual(
      inputs.filter((input) => input.startsWith('central/')),
      [],
    )
    const packages = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.filter((imported) => imported.external).map((imported) => imported.path),
    )
    assert.deepEqual(
      packages.filter((name) => name === 'pg' || name.startsWith('pg/')),
      [],
    )
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
    assert.deepEqual(
      (config.publish as { provider: string }[]).map((entry) => entry.provider),
      ['generic'],
    )
  })
})
