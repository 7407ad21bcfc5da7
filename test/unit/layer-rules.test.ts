import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'

/**
 * The layer rules of eslint.config.js (shared/DESIGN.md's boundaries), checked on one import each: a
 * file that is not there (`probe.ts`) imports a real module, and the linter allows it or names the
 * layer it may not reach.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const eslint = new ESLint({ cwd: ROOT })

async function layerProblems(file: string, statement: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${statement}\n`, { filePath: `${ROOT}${file}` })
  return result!.messages.filter((message) => message.ruleId === 'boundaries/dependencies').map((message) => message.message)
}

/** [importing file, import statement, the layer named in the refusal] */
const REFUSED: [string, string, string][] = [
  ['local-api/domain/probe.ts', "import '../db/store.js'", 'desk-db'],
  ['local-api/domain/probe.ts', "import '../services/agents.js'", 'desk-services'],
  ['local-api/domain/probe.ts', "import '../plugins/auth.js'", 'desk-plugins'],
  ['local-api/domain/probe.ts', "import '../routes/v1/agents.js'", 'desk-routes'],
  ['local-api/domain/probe.ts', "export { openStore } from '../db/store.js'", 'desk-db'],
  ['local-api/domain/probe.ts', "export const later = () => import('../services/agents.js')", 'desk-services'],
  ['local-api/db/probe.ts', "import '../services/agents.js'", 'desk-services'],
  ['local-api/db/probe.ts', "import '../plugins/auth.js'", 'desk-plugins'],
  ['local-api/db/probe.ts', "import '../routes/v1/agents.js'", 'desk-routes'],
  ['local-api/services/probe.ts', "import '../routes/v1/agents.js'", 'desk-routes'],
  ['local-api/services/probe.ts', "import '../plugins/auth.js'", 'desk-plugins'],
  ['local-api/services/probe.ts', "import '../../central/server.js'", 'central'],
  ['local-api/db/migrations/probe.ts', "import '../store.js'", 'desk-db'],
  ['local-api/db/migrations/probe.ts', "import '../../domain/channels.js'", 'desk-domain'],
  ['central/probe.ts', "import '../local-api/db/store.js'", 'desk-db'],
  ['central/probe.ts', "import '../electron/menu.js'", 'electron'],
  ['sync-core/probe.ts', "import '../local-api/domain/channels.js'", 'desk-domain'],
  ['sync-core/probe.ts', "import '../central/server.js'", 'central'],
  ['api-contract/probe.ts', "import '../local-api/domain/channels.js'", 'desk-domain'],
  ['renderer/probe.ts', "import '../local-api/domain/channels.js'", 'desk-domain'],
  ['renderer/probe.ts', "import '../central/server.js'", 'central'],
  ['renderer/probe.ts', "import '../electron/menu.js'", 'electron'],
  ['renderer/probe.ts', "import '../package.json'", 'origin "local"'],
  ['renderer/features/chat/probe.ts', "import '../conversations/api-filters'", 'a feature imports no other feature'],
  ['renderer/features/chat/probe.ts', "import '@/features/guest/api/service-record'", 'a feature imports no other feature'],
  ['electron/probe.ts', "import '../renderer/lib/dom.js'", 'renderer'],
]

/** [importing file, import statement] */
const ALLOWED: [string, string][] = [
  ['local-api/db/probe.ts', "import '../domain/channels.js'"],
  ['local-api/db/probe.ts', "import './migrations/index.js'"],
  ['local-api/services/probe.ts', "import '../db/store.js'"],
  ['local-api/routes/v1/probe.ts', "import '../../services/agents.js'"],
  ['local-api/routes/v1/probe.ts', "import '../../plugins/auth.js'"],
  ['local-api/db/migrations/probe.ts', "import './0010-initial-schema.js'"],
  ['renderer/features/chat/probe.ts', "import '@/lib/dom'"],
  ['renderer/features/chat/probe.ts', "import './reply-window'"],
  ['renderer/app/probe.ts', "import '@/features/chat/reply-window'"],
  ['electron/probe.ts', "import '../local-api/start-server.js'"],
  ['test/probe.test.ts', "import '../local-api/db/store.js'"],
  ['test/probe.test.ts', "import '../renderer/lib/dom.js'"],
]

describe('the layer rules', () => {
  for (const [file, statement, layer] of REFUSED) {
    it(`refuse in ${file}: ${statement}`, async () => {
      const problems = await layerProblems(file, statement)
      assert.equal(problems.length, 1, `expected one refusal, got ${JSON.stringify(problems)}`)
      assert.ok(problems[0]!.includes(layer), problems[0])
    })
  }

  for (const [file, statement] of ALLOWED) {
    it(`allow in ${file}: ${statement}`, async () => {
      assert.deepEqual(await layerProblems(file, statement), [])
    })
  }
})
