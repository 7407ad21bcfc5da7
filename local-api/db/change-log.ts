import { createHlcClock, type HlcClock } from '../../sync-core/hlc.js'
import type { Db } from './open.js'

export type ChangeEntity =
  | 'property'
  | 'guest'
  | 'guest_identity'
  | 'conversation'
  | 'message'
  | 'reservation'
  | 'agent'
  | 'lead'
  | 'channel_account'
  | 'onsite_contact'
  | 'outlet'
  | 'custom_field'
  | 'service_record'
  | 'conversation_event'
  | 'knowledge_entry'
  | 'template'
  | 'guest_merge'
  | 'contact_suggestion'

export interface ChangeEntry {
  seq: number
  entity: ChangeEntity
  entityId: string
  op: 'insert' | 'update'
  /** The changed fields, or null when the entity's stored row is the payload (messages, summaries). */
  fields: Record<string, unknown> | null
  createdAt: number
}

export function changeLogRepository(db: Db) {
  const insert = db.prepare('INSERT INTO change_log (entity, entity_id, op, fields, created_at, hlc, origin) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const after = db.prepare('SELECT * FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?')

  // Every local change gets a hybrid-logical-clock timestamp: from the desk's clock (the services'
  // clock, so a skewed desk shows as such), never behind any timestamp made or seen before.
  const config = db.prepare('SELECT client_id AS clientId, hlc FROM sync_config WHERE id = 1').get() as { clientId: string; hlc: string | null }
  const lastLocal = db.prepare('SELECT hlc FROM change_log WHERE hlc IS NOT NULL ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined
  const latest = [lastLocal, config.hlc].filter((hlc): hlc is string => Boolean(hlc)).sort().at(-1)
  let physicalNow: () => number = Date.now
  const clock: HlcClock = createHlcClock(config.clientId, () => physicalNow(), latest ? { latest } : {})
  /** Set while applying another desk's op: what that writes is theirs, not ours to send. */
  let replicatingFrom: string | null = null

  return {
    clientId: config.clientId,
    clock,
    /** The desk's physical clock for the timestamps (the services' clock). */
    useClock(now: () => number): void {
      physicalNow = now
    },
    /** Must run inside the transaction that makes the change. */
    append(entity: ChangeEntity, entityId: string, op: 'insert' | 'update', fields: object | null, now = Date.now()): void {
      if (replicatingFrom !== null) {
        insert.run(entity, entityId, op, fields === null ? null : JSON.stringify(fields), now, null, replicatingFrom)
        return
      }
      insert.run(entity, entityId, op, fields === null ? null : JSON.stringify(fields), now, clock.now(), null)
    },
    /** Runs `work` as the application of `origin`'s changes: the log records them as theirs. */
    replicating<T>(origin: string, work: () => T): T {
      const previous = replicatingFrom
      replicatingFrom = origin
      try {
        return work()
      } finally {
        replicatingFrom = previous
      }
    },
    readAfter(seq: number, limit = 1000): ChangeEntry[] {
      return (after.all(seq, limit) as ChangeLogRow[]).map((row) => ({
        seq: row.seq,
        entity: row.entity,
        entityId: row.entity_id,
        op: row.op,
        fields: row.fields === null ? null : (JSON.parse(row.fields) as Record<string, unknown>),
        createdAt: row.created_at,
      }))
    },
  }
}

interface ChangeLogRow {
  seq: number
  entity: ChangeEntity
  entity_id: string
  op: 'insert' | 'update'
  fields: string | null
  created_at: number
}
