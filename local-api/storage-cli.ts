// `frontdesk backup` and `frontdesk restore`: an online copy of a data dir's store, and putting one back.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { UsageError } from '../sync-core/cli.js'
import { backupIntoDataDir, backupTo, restoreFromBackup } from './db/backup.js'
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
    return 0
  }
  if (values.from) throw new UsageError('--from belongs to restore, not backup')
  const file = join(dataDir, DATABASE_FILE)
  if (!existsSync(file)) throw new Error(`no store at ${file}: nothing to back up`)
  // An online backup: a server may be running on the data dir meanwhile.
  const db = openConnection(file, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const written = values.to ? await backupTo(db, values.to) : await backupIntoDataDir(db, dataDir)
    process.stdout.write(`${written}\n`)
    return 0
  } finally {
    db.close()
  }
}
