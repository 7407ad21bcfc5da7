// `frontdesk backup` and `frontdesk restore`: an online copy of a data dir's store, and putting one back.
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { UsageError } from '../sync-core/cli.js'
import { backupStore, restoreFromBackup } from './db/backup.js'
import { DATABASE_FILE, openConnection } from './db/open.js'

export const STORAGE_USAGE = `  frontdesk backup --data-dir DIR [--to FILE]   (default: DIR/backups/frontdesk-<date>.sqlite, last 7 kept)
  frontdesk restore --data-dir DIR --from FILE   (with no server running on DIR; the replaced store is kept aside)`

export async function storageMain(command: 'backup' | 'restore', args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, to: { type: 'string' }, from: { type: 'string' } },
    strict: true,
  })
  const dataDir = values['data-dir']
  if (!dataDir) throw new UsageError('--data-dir is required')
  if (command === 'restore') {
    if (!values.from) throw new UsageError('--from FILE is required (a backup, e.g. from DIR/backups)')
    if (values.to) throw new UsageError('--to belongs to backup, not restore')
    const restored = await restoreFromBackup(dataDir, values.from)
    process.stdout.write(
      `restored ${join(dataDir, DATABASE_FILE)} from ${restored.from}` +
        (restored.replacedKeptAt ? `; the replaced store is kept at ${restored.replacedKeptAt}` : '') +
        '\n',
    )
    const centralUrl = syncedWith(join(dataDir, DATABASE_FILE))
    if (centralUrl) {
      process.stdout.write(
        `this desk syncs with ${centralUrl}: at its next sync it takes a new client id, re-sends what the central server has not seen from it, ` +
          'and takes back what it had sent since the backup\n',
      )
    }
    return 0
  }
  if (values.from) throw new UsageError('--from belongs to restore, not backup')
  process.stdout.write(`${await backupStore(dataDir, values.to)}\n`)
  return 0
}

/** The central server a store syncs with, if any (read as it is, without upgrading it). */
function syncedWith(file: string): string | null {
  const db = openConnection(file, { readonly: true, fileMustExist: true })
  try {
    const hasSync = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sync_config'").get()
    return hasSync ? ((db.prepare('SELECT central_url FROM sync_config WHERE id = 1').pluck().get() as string | null | undefined) ?? null) : null
  } finally {
    db.close()
  }
}
