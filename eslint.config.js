// ESLint: the TypeScript and React-hooks checks, and the layer rules of shared/DESIGN.md, enforced on every import.
import js from '@eslint/js'
import boundaries from 'eslint-plugin-boundaries'
import reactHooks from 'eslint-plugin-react-hooks'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The layers. Each folder is one element; the first pattern that matches a file wins, so the narrower
 * folders come before the folders that hold them. `sync-core/` and `api-contract/` are listed before
 * they exist so that the rules hold as soon as they appear.
 */
const ELEMENTS = [
  { type: 'desk-migrations', pattern: 'local-api/db/migrations' },
  { type: 'desk-db', pattern: 'local-api/db' },
  { type: 'desk-domain', pattern: 'local-api/domain' },
  { type: 'desk-services', pattern: 'local-api/services' },
  { type: 'desk-plugins', pattern: 'local-api/plugins' },
  { type: 'desk-routes', pattern: 'local-api/routes' },
  { type: 'desk-entry', pattern: 'local-api' }, // the server's assembly and the CLI: local-api/*.ts
  { type: 'central-migrations', pattern: 'central/store/migrations' },
  { type: 'central', pattern: 'central' },
  { type: 'sync-core', pattern: 'sync-core' },
  { type: 'api-contract', pattern: 'api-contract' },
  { type: 'renderer-feature', pattern: 'renderer/features/*', capture: ['feature'] },
  { type: 'renderer', pattern: 'renderer' },
  { type: 'electron', pattern: 'electron' },
  { type: 'tooling', pattern: '{test,bench,scripts,build,bin}' },
].map((element) => ({ ...element, partialMatch: false }))

const is = (...types) => ({ to: { element: { types: { anyOf: types } } } })
const typesOnly = (...types) => ({ ...is(...types), dependency: { kind: 'type' } })
const from = (...types) => ({ element: { types: { anyOf: types } } })

/** Who may import whom. Anything not allowed here is an error; imports within one element are always allowed. */
const LAYER_POLICIES = [
  // The desk's server, inside out: domain ← db ← services ← plugins ← routes ← the entry points.
  { from: from('desk-domain'), allow: is('sync-core', 'api-contract') },
  { from: from('desk-db'), allow: is('desk-domain', 'desk-migrations', 'sync-core', 'api-contract') },
  { from: from('desk-services'), allow: is('desk-db', 'desk-domain', 'sync-core', 'api-contract') },
  { from: from('desk-plugins'), allow: is('desk-services', 'desk-db', 'desk-domain', 'sync-core', 'api-contract') },
  { from: from('desk-routes'), allow: is('desk-plugins', 'desk-services', 'desk-db', 'desk-domain', 'sync-core', 'api-contract') },
  { from: from('desk-entry'), allow: is('desk-routes', 'desk-plugins', 'desk-services', 'desk-db', 'desk-domain', 'sync-core', 'api-contract') },
  // Migrations are frozen: they import nothing of the application, only the step's type.
  { from: from('desk-migrations'), allow: typesOnly('sync-core') },
  { from: from('central-migrations'), allow: typesOnly('central', 'sync-core') },
  // The central sync server shares only the sync core with the desk; the sync core and the API contract stand alone.
  { from: from('central'), allow: is('central-migrations', 'sync-core') },
  // The renderer is the browser's: of the server it sees only the contract's types, and each feature keeps to itself.
  { from: from('renderer', 'renderer-feature'), allow: [is('renderer', 'renderer-feature'), typesOnly('api-contract')] },
  {
    from: from('renderer-feature'),
    disallow: { to: { element: { type: 'renderer-feature', captured: { feature: '!{{ from.element.captured.feature }}' } } } },
    message: 'a feature imports no other feature (shared code lives in renderer/components, lib or api)',
  },
  // The desktop shell starts the local API but never reaches into the window's code.
  { from: from('electron'), allow: is('desk-entry', 'desk-domain', 'sync-core', 'api-contract') },
  // Tests, benchmarks and build scripts may import anything.
  { from: from('tooling'), allow: { to: { module: { origin: 'local' } } } },
]

export default defineConfig([
  globalIgnores(['dist/', 'release/', 'data/', 'bench/results/', 'test-results/', 'test/e2e/screenshots/', '**/node_modules/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Off: the desk's errors restate their cause in words for the person reading them (describeFsError
      // and the like); a `cause` would make pino's serializer append the original message a second time.
      'preserve-caught-error': 'off',
    },
  },

  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },

  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // Off: a notice that React Compiler would skip memoizing a component (TanStack Virtual's); the
      // renderer is not built with React Compiler.
      'react-hooks/incompatible-library': 'off',
    },
  },

  {
    files: ['test/**', 'bench/**'],
    rules: {
      // Tests read response bodies and events loosely on purpose; the assertions check their shape.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },

  {
    files: ['test/e2e/**'],
    rules: {
      // Playwright: a test names the `signedIn` fixture for its effect (a signed-in page), and a fixture
      // that uses no other one still takes `{}` as its first parameter.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^(_|signedIn$)', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },

  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/legacy-templates': false,
      'import/resolver': {
        typescript: { project: ['tsconfig.json', 'renderer/tsconfig.json', 'test/e2e/tsconfig.json'], noWarnOnMultipleProjects: true },
      },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', checkUnknownLocals: true, policies: [...LAYER_POLICIES] }],
    },
  },
])
