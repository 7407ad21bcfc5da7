import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

/**
 * Issue 13's boundaries between the two servers: the central server imports only the shared sync
 * core (and its own files and packages), the sync core imports neither server, and the desk's
 * code (local-api/, electron/) imports nothing of the central's.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : []
  })
}

/** The top-level folder each relative import of `file` reaches (packages and node: builtins aside). */
function foldersImportedBy(file: string): { specifier: string; folder: string }[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((match) => (match[1] ?? match[2])!)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => ({ specifier, folder: relative(ROOT, resolve(ROOT, file, '..', specifier)).split(sep)[0]! }))
}

function crossings(dir: string, allowed: (folder: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    foldersImportedBy(file)
      .filter(({ folder }) => !allowed(folder))
      .map(({ specifier }) => `${file} imports ${specifier}`),
  )
}

describe('the boundaries between the desk, the central server and the sync core', () => {
  it('finds the sources', () => {
    for (const dir of ['central', 'sync-core', 'local-api', 'electron']) assert.ok(sourceFiles(dir).length > 3, dir)
  })

  it('the central server imports only sync-core/', () => {
    assert.deepEqual(crossings('central', (folder) => folder === 'central' || folder === 'sync-core'), [])
  })

  it('sync-core/ imports neither server', () => {
    assert.deepEqual(crossings('sync-core', (folder) => folder === 'sync-core'), [])
  })

  it('the desk (local-api/, electron/) imports nothing of central/', () => {
    for (const dir of ['local-api', 'electron']) assert.deepEqual(crossings(dir, (folder) => folder !== 'central'), [], dir)
  })
})
