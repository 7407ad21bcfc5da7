import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

/** The language each agent chose for the inbox (null: their browser's), synced with the agent. */
export const agentUiLanguage: Migration = {
  version: 270,
  name: 'agent-ui-language',
  up(db) {
    db.exec('ALTER TABLE agents ADD COLUMN ui_language TEXT')
  },
}
