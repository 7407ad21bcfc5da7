import type { ClientBase } from 'pg'
import { initialSchema } from './migrations/postgres/0010-initial-schema.js'
import { migrations } from './migrations/postgres/index.js'
import { migratePostgres, tableExists } from './postgres-migrate.js'

/**
 * Brings the central's PostgreSQL schema (the client's search_path) to the latest version; returns
 * the versions applied. A schema made before numbered migrations has 0010's tables and no record of
 * migrations: it is recorded at 0010, not migrated.
 */
export function migrateCentralPostgres(client: ClientBase): Promise<number[]> {
  return migratePostgres(client, migrations, {
    unrecordedSchema: async (reader) => ((await tableExists(reader, 'devices')) ? initialSchema : undefined),
  })
}
