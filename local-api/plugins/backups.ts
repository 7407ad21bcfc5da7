import fp from 'fastify-plugin'
import { BACKUPS_KEPT, listBackups } from '../db/backup.js'
import type { StorageHealth } from '../services/storage-health.js'

export interface BackupScheduleOptions {
  /** Between two backups (default 24 h); the first runs at start when the newest is older. */
  everyMs?: number
  /** How many are kept (default 7). */
  keep?: number
}

const DAY_MS = 24 * 3_600_000

/**
 * The server's daily online backup into `<dataDir>/backups`: at start if the newest backup is older
 * than a day, then every day; off the request path (SQLite's backup API, a page run per event-loop
 * turn). A failure is logged and shown by `/v1/health`; shutdown stops a backup under way.
 * Register after app-context: its close runs first, before the store closes.
 */
export const backupSchedule = fp<{ dataDir: string; health: StorageHealth; options: BackupScheduleOptions; after?: Promise<unknown> }>(
  async (app, { dataDir, health, options, after }) => {
    const everyMs = options.everyMs ?? DAY_MS
    const keep = options.keep ?? BACKUPS_KEPT
    let timer: NodeJS.Timeout | undefined
    let running: Promise<void> | undefined
    let stopping = false

    async function run(): Promise<void> {
      // A damaged store is not backed up: the good backups it would rotate away are the way back.
      if (health.damaged) return
      running = app.store
        .backupIntoDataDir(dataDir, Date.now(), keep, () => stopping)
        .then(
          (file) => {
            health.backupSucceeded(file)
            app.log.info({ file }, 'backup written')
          },
          (error: Error) => {
            if (stopping) return
            health.backupFailed(error.message)
            app.log.error({ err: error }, 'backup failed')
          },
        )
      await running
      running = undefined
      schedule(everyMs)
    }

    function schedule(ms: number): void {
      if (stopping) return
      timer = setTimeout(() => void run(), Math.max(0, Math.min(ms, 2 ** 31 - 1)))
      timer.unref()
    }

    app.addHook('onReady', async () => {
      // After a start-up check still running: a damaged store must not push a good backup out.
      void Promise.resolve(after).then(() => {
        const newest = listBackups(dataDir)[0]
        schedule(newest ? everyMs - (Date.now() - newest.at) : 0)
      })
    })
    app.addHook('onClose', async () => {
      stopping = true
      clearTimeout(timer)
      await running
    })
  },
  { name: 'backup-schedule', dependencies: ['app-context'] },
)
