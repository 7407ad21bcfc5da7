import type { HlcClock } from '../../sync-core/hlc.js'
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

/** `clock`: the desk's clock (desk-clock.ts), which stamps every local change. */
export function changeLogRepository(db: Db, clock: HlcClock) {
  const insert = db.prepare('INSERT INTO change_log (entity, entity_id, op, fields, created_at, hlc, origin) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const after = db.prepare('SELECT * FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?')
  const clientId = db.prepare('SELECT client_id FROM sync_config WHERE id = 1').pluck().get() as string
  /** Set while applying another desk's op: what that writes is theirs, not ours to send. */
  let replicatingFrom: string | null = null
  /** Told of every local change (inside its transaction): the sync client schedules a round. */
  const listeners = new Set<() => void>()

  return {
    clientId,
    /** Must run inside the transaction that makes the change. */
    append(entity: ChangeEntity, entityId: string, op: 'insert' | 'update', fields: object | null, now = Date.now()): void {
      if (replicatingFrom !== null) {
        insert.run(entity, entityId, op, fields === null ? null : JSON.stringify(fields), now, null, replicatingFrom)
        return
      }
      insert.run(entity, entityId, op, fields === null ? null : JSON.stringify(fields), now, clock.now(), null)
      for (const listener of listeners) listener()
    },
    /**
     * Calls `listener` on every change this desk makes (not on other desks' changes it applies),
     * inside the change's transaction: it may only schedule work for later. Returns the unsubscribe.
     */
    onLocalChange(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
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
