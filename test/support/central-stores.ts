import { rmSync } from 'node:fs'
import pg from 'pg'
import { openPostgresCentralStore } from '../../central/store/postgres-store.js'
import { openSqliteCentralStore } from '../../central/store/sqlite-store.js'
import type { CentralStore } from '../../central/store/central-store.js'
import { tempDir } from './test-app.js'

export interface StoreKind {
  name: 'embedded SQLite' | 'PostgreSQL'
  /** Why this kind cannot run here, or null. */
  unavailable: string | null
  /** A fresh, empty store; `open` again on the same handle reaches the same data (another instance). */
  fresh(): Promise<{ open(): Promise<CentralStore>; dispose(): Promise<void> }>
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL

/** Why the PostgreSQL tests cannot run here, or null. */
export const POSTGRES_UNAVAILABLE = TEST_DATABASE_URL ? null : 'TEST_DATABASE_URL is not set (CI sets it in .ci/run); PostgreSQL tests skipped'

/**
 * A schema of its own in the test database, for one test (tests of other files and checkouts run
 * beside it on the same database); `drop` removes it with everything in it.
 */
export function testSchema(prefix = 't'): { name: string; drop(): Promise<void> } {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  return {
    name,
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(name)} CASCADE`)
      await client.end()
    },
  }
}

/** The central store kinds every protocol test runs against: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const STORE_KINDS: StoreKind[] = [
  {
    name: 'embedded SQLite',
    unavailable: null,
    async fresh() {
      const dir = tempDir('frontdesk-central-')
      return { open: async () => openSqliteCentralStore(dir), dispose: async () => rmSync(dir, { recursive: true, force: true }) }
    },
  },
  {
    name: 'PostgreSQL',
    unavailable: POSTGRES_UNAVAILABLE,
    async fresh() {
      const schema = testSchema()
      return { open: () => openPostgresCentralStore(TEST_DATABASE_URL!, { schema: schema.name }), dispose: () => schema.drop() }
    },
  },
]
