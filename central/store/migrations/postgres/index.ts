import type { PostgresMigration } from '../../postgres-migration.js'
import { initialSchema } from './0010-initial-schema.js'
import { clientBinding } from './0020-client-binding.js'

/** The central PostgreSQL store's migrations, oldest first. Append only; never edit one that has shipped. */
export const migrations: readonly PostgresMigration[] = [initialSchema, clientBinding]
