// Numbered migrations on PostgreSQL, run as the SQLite ones are: every pending step in one
// transaction (PostgreSQL's DDL is transactional), each recorded in schema_migrations.
import type { ClientBase } from 'pg'
import { pendingMigrations } from '../../sync-core/migrations/migration-plan.js'
import type { PostgresMigration } from './postgres-migration.js'
import { inTransaction } from './postgres-transaction.js'

/** Several instances may start at once on one database: one migrates, the others wait, then find nothing to do. */
const MIGRATION_LOCK = 7426001

/** The schema's version (in the client's search_path): the latest migration applied, 0 before any. */
export async function postgresSchemaVersion(client: ClientBase): Promise<number> {
  if (!(await tableExists(client, 'schema_migrations'))) return 0
  const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM schema_migrations')
  return rows[0]!.version
}

export async function tableExists(client: ClientBase, table: string): Promise<boolean> {
  const { rows } = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [table])
  return rows[0]!.present
}

export interface PostgresMigrateOptions {
  /**
   * The migration whose schema a database with no record of its migrations holds (one made before
   * numbered migrations), or undefined for an empty one: it is recorded as applied, not run.
   */
  unrecordedSchema?: (client: ClientBase) => Promise<PostgresMigration | undefined>
}

/** Runs every pending migration in one transaction; returns the versions applied. */
export async function migratePostgres(client: ClientBase, list: readonly PostgresMigration[], options: PostgresMigrateOptions = {}): Promise<number[]> {
  return inTransaction(client, async () => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    let current = await postgresSchemaVersion(client)
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    )
    const unrecorded = current === 0 ? await options.unrecordedSchema?.(client) : undefined
    if (unrecorded) {
      await record(client, unrecorded)
      current = unrecorded.version
    }
    const pending = pendingMigrations(list, current)
    for (const migration of pending) {
      await migration.up(client)
      await record(client, migration)
    }
    return pending.map((migration) => migration.version)
  })
}

const record = (client: ClientBase, migration: PostgresMigration) =>
  client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
