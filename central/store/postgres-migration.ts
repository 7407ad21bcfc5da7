import type { ClientBase } from 'pg'
import type { MigrationStep } from '../../sync-core/migrations/migration-plan.js'

/** One forward-only PostgreSQL schema step; it runs inside the transaction that records it. */
export interface PostgresMigration extends MigrationStep {
  up(client: ClientBase): Promise<void>
}
