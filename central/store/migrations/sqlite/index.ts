import type { Migration } from '../../../../sync-core/migrations/sqlite-migration.js'
import { initialSchema } from './0010-initial-schema.js'
import { clientBinding } from './0020-client-binding.js'

/** The central SQLite store's migrations, oldest first. Append only; never edit one that has shipped. */
export const migrations: readonly Migration[] = [initialSchema, clientBinding]
