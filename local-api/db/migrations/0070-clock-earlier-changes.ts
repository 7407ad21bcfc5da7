import type { Migration } from '../../../sync-core/migrations/sqlite-migration.js'

// The clock encoding of sync-core/hlc.ts encodeHlc, frozen as of version 70 (a migration stands
// alone: it keeps what it wrote then, whatever the application's clock becomes).
const encodeHlc = ({ wallMs, counter, node }: { wallMs: number; counter: number; node: string }) =>
  `${String(wallMs).padStart(15, '0')}-${counter.toString(16).padStart(4, '0')}-${node}`

/**
 * Changes made before sync existed carry no clock, so they would never reach the central server.
 * Each gets one now, in log order, from the time it was made: a desk that has been in use for
 * months sends its whole history when it first connects.
 */
export const clockEarlierChanges: Migration = {
  version: 70,
  name: 'clock-earlier-changes',
  up(db) {
    const node = db.prepare('SELECT client_id FROM sync_config WHERE id = 1').pluck().get() as string
    const unclocked = db.prepare(
      'SELECT seq, created_at AS createdAt FROM change_log WHERE seq > ? AND hlc IS NULL AND origin IS NULL ORDER BY seq LIMIT 10000',
    )
    const setClock = db.prepare('UPDATE change_log SET hlc = ? WHERE seq = ?')
    let wallMs = 0
    let counter = 0
    let after = 0
    // The log is append-only; this one step, in the migration's transaction, dates what is there.
    db.exec('DROP TRIGGER change_log_is_append_only_update')
    for (;;) {
      const rows = unclocked.all(after) as { seq: number; createdAt: number }[]
      if (rows.length === 0) break
      for (const { seq, createdAt } of rows) {
        if (createdAt > wallMs) {
          wallMs = createdAt
          counter = 0
        } else if (++counter > 0xffff) {
          // More than 65,536 changes in one millisecond (a bulk import): borrow the next millisecond.
          wallMs++
          counter = 0
        }
        setClock.run(encodeHlc({ wallMs, counter, node }), seq)
      }
      after = rows.at(-1)!.seq
    }
    db.exec(`CREATE TRIGGER change_log_is_append_only_update BEFORE UPDATE ON change_log BEGIN
      SELECT RAISE(ABORT, 'change_log is append-only');
    END`)
  },
}
