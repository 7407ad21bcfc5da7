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
  const insert = db.prepare(
    'INSERT INTO change_log (entity, entity_id, op, fields, created_at) VALUES (?, ?, ?, ?, ?)',
  )
  const after = db.prepare('SELECT * FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?')

  return {
    /** Must run inside the transaction that makes the change. */
    append(entity: ChangeEntity, entityId: string, op: 'insert' | 'update', fields: object | null, now = Date.now()): void {
      insert.run(entity, entityId, op, fields === null ? null : JSON.stringify(fields), now)
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
