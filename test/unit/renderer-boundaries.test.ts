import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

/**
 * shared/DESIGN.md's boundaries for the renderer, checked on every import: no feature imports
 * another feature, and nothing in renderer/ imports the server or the desktop shell; from outside
 * renderer/ it takes only the API contract's types.
 */
const RENDERER = fileURLToPath(new URL('../../renderer/', import.meta.url))
const API_CONTRACT = fileURLToPath(new URL('../../api-contract/', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'public' ? [] : sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : []
  })
}

function importsOf(file: string): { specifier: string; target: string | null; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => {
    const specifier = (match[1] ?? match[2])!
    const target =
      specifier === '@api-contract' ? join(API_CONTRACT, 'index.ts')
      : specifier.startsWith('@/') ? join(RENDERER, specifier.slice(2))
      : specifier.startsWith('.') ? resolve(file, '..', specifier)
      : null
    return { specifier, target, typeOnly: /^(?:import|export)\s+type\s/.test(match[0]) }
  })
}

const featureOf = (path: string) => /^features\/([^/]+)\//.exec(relative(RENDERER, path))?.[1]

describe('renderer boundaries', () => {
  const files = sourceFiles(RENDERER)

  it('finds the renderer\'s sources', () => {
    assert.ok(files.length > 20)
  })

  it('keep every feature to itself: no feature imports another', () => {
    const crossings = files.flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => target && featureOf(file) && featureOf(target) && featureOf(target) !== featureOf(file))
        .map(({ specifier }) => `${relative(RENDERER, file)} imports ${specifier}`),
    )
    assert.deepEqual(crossings, [])
  })

  it('import nothing from local-api/ or electron/', () => {
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => target && !resolve(target).startsWith(RENDERER) && !resolve(target).startsWith(API_CONTRACT))
        .map(({ specifier }) => `${relative(RENDERER, file)} imports ${specifier}`),
    )
    assert.deepEqual(outside, [])
  })

  it('take only types from the API contract, so none of its code reaches the bundle', () => {
    const values = files.flatMap((file) =>
      importsOf(file)
        .filter(({ target, typeOnly }) => target && resolve(target).startsWith(API_CONTRACT) && !typeOnly)
        .map(({ specifier }) => `${relative(RENDERER, file)} imports ${specifier}`),
    )
    assert.deepEqual(values, [])
  })
})
