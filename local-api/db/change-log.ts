import type { Db } from './open.js'

export type ChangeEntity = 'property' | 'guest' | 'guest_identity' | 'conversation' | 'message' | 'reservation'

export interface ChangeEntry {
  seq: number
  entity: ChangeEntity
  entityId: string
  op: 'insert' | 'update'
  fields: Record<string, unknown>
  createdAt: number
}

export function changeLogRepository(db: Db) {
  const insert = db.prepare(
    'INSERT INTO change_log (entity, entity_id, op, fields, created_at) VALUES (?, ?, ?, ?, ?)',
  )
  const after = db.prepare('SELECT * FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?')

  return {
    /** Must run inside the transaction that makes the change. */
    append(entity: ChangeEntity, entityId: string, op: 'insert' | 'update', fields: object, now = Date.now()): void {
      insert.run(entity, entityId, op, JSON.stringify(fields), now)
    },
    readAfter(seq: number, limit = 1000): ChangeEntry[] {
      return (after.all(seq, limit) as ChangeLogRow[]).map((row) => ({
        seq: row.seq,
        entity: row.entity,
        entityId: row.entity_id,
        op: row.op,
        fields: JSON.parse(row.fields) as Record<string, unknown>,
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
  fields: string
  created_at: number
}
