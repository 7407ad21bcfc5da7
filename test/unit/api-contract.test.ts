import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { NON_BLANK_PATTERN } from '../../api-contract/index.js'
import { NON_BLANK_PATTERN as VALIDATOR_NON_BLANK_PATTERN } from '../../sync-core/http/validation.js'

/**
 * api-contract/ is shared by the desk's routes and the renderer: it may depend on TypeBox and on
 * itself, never on local-api/ (or anything else), so the renderer's types come from no server code.
 */
const API_CONTRACT = fileURLToPath(new URL('../../api-contract/', import.meta.url))

describe('the API contract', () => {
  const files = readdirSync(API_CONTRACT).filter((name) => name.endsWith('.ts'))

  it('holds the /v1 schemas', () => {
    assert.ok(files.includes('index.ts') && files.includes('conversations.ts') && files.includes('messages.ts'))
  })

  it('imports nothing but TypeBox and its own modules', () => {
    const foreign = files.flatMap((name) =>
      [...readFileSync(join(API_CONTRACT, name), 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
        .map((match) => (match[1] ?? match[2])!)
        .filter((specifier) => specifier !== 'typebox' && !/^\.\/[a-z-]+\.js$/.test(specifier))
        .map((specifier) => `${name} imports ${specifier}`),
    )
    assert.deepEqual(foreign, [])
  })

  it('says "not blank" with the pattern the validator words as "must not be blank"', () => {
    assert.equal(NON_BLANK_PATTERN, VALIDATOR_NON_BLANK_PATTERN)
  })
})
