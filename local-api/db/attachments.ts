import type { Db } from './open.js'

/** A file uploaded to the desk; its bytes live in the data dir's attachments/ folder under its id. */
export interface Attachment {
  id: string
  name: string
  mimeType: string
  size: number
  sha256: string
  createdAt: number
  /** The property of the credential that uploaded it, or of the first message that used it; null: neither yet. */
  propertyId: string | null
  /** The conversation of the first message that used it; no other conversation may use it. */
  conversationId: string | null
}

interface AttachmentRow {
  id: string
  name: string
  mime_type: string
  size: number
  sha256: string
  created_at: number
  property_id: string | null
  conversation_id: string | null
}

export function attachmentsRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO attachments (id, name, mime_type, size, sha256, created_at, property_id, conversation_id)
    VALUES (@id, @name, @mimeType, @size, @sha256, @createdAt, @propertyId, @conversationId)`)
  const byId = db.prepare('SELECT * FROM attachments WHERE id = ?')
  const bind = db.prepare(`
    UPDATE attachments SET conversation_id = @conversationId, property_id = @propertyId
    WHERE id = @id AND conversation_id IS NULL AND (property_id IS NULL OR property_id = @propertyId)`)
  return {
    insert(attachment: Attachment): void {
      insert.run(attachment)
    },
    get(id: string): Attachment | undefined {
      const row = byId.get(id) as AttachmentRow | undefined
      return (
        row && {
          id: row.id,
          name: row.name,
          mimeType: row.mime_type,
          size: row.size,
          sha256: row.sha256,
          createdAt: row.created_at,
          propertyId: row.property_id,
          conversationId: row.conversation_id,
        }
      )
    },
    /** The first message that uses it ties it to its conversation (and that conversation's property). */
    bindToConversation(id: string, conversationId: string, propertyId: string): void {
      bind.run({ id, conversationId, propertyId })
    },
  }
}
