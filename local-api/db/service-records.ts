import type { Db } from './open.js'

/** A conversation's service record: a memo and the values of the property's custom fields. */
export interface ServiceRecord {
  conversationId: string
  memo: string
  /** Custom field id → value. */
  values: Record<string, string>
  updatedAt: number
}

interface ServiceRecordRow {
  conversation_id: string
  memo: string
  field_values: string
  updated_at: number
}

export function serviceRecordsRepository(db: Db) {
  const upsert = db.prepare(`
    INSERT INTO service_records (conversation_id, memo, field_values, updated_at) VALUES (@conversationId, @memo, @values, @updatedAt)
    ON CONFLICT (conversation_id) DO UPDATE SET memo = excluded.memo, field_values = excluded.field_values, updated_at = excluded.updated_at`)
  const byConversation = db.prepare('SELECT * FROM service_records WHERE conversation_id = ?')

  return {
    upsert(record: ServiceRecord): void {
      upsert.run({ ...record, values: JSON.stringify(record.values) })
    },
    get(conversationId: string): ServiceRecord | undefined {
      const row = byConversation.get(conversationId) as ServiceRecordRow | undefined
      return (
        row && {
          conversationId: row.conversation_id,
          memo: row.memo,
          values: JSON.parse(row.field_values) as Record<string, string>,
          updatedAt: row.updated_at,
        }
      )
    },
  }
}
