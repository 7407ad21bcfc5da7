import { createHlcClock, type HlcClock } from '../../sync-core/hlc.js'
import type { Db } from './open.js'

/**
 * The desk's hybrid logical clock, one per store: its node is the desk's sync client id, it starts
 * past every timestamp this desk made (its last logged change) or kept (what it saw from the central
 * server), and it follows `physicalNow` (the services' clock, so a skewed desk shows as such).
 */
export function openDeskClock(db: Db, physicalNow: () => number): HlcClock {
  const config = db.prepare('SELECT client_id AS clientId, hlc FROM sync_config WHERE id = 1').get() as { clientId: string; hlc: string | null }
  const lastLocal = db.prepare('SELECT hlc FROM change_log WHERE hlc IS NOT NULL ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined
  const latest = [lastLocal, config.hlc]
    .filter((hlc): hlc is string => Boolean(hlc))
    .sort()
    .at(-1)
  return createHlcClock(config.clientId, physicalNow, latest ? { latest } : {})
}
