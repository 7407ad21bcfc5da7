import type { Db } from './open.js'

/** A file uploaded to the desk; its bytes live in the data dir's attachments/ folder under its id. */
export interface Attachment {
  id: string
  name: string
  mimeType: string
  size: number
  sha256: string
  createdAt: number
}

interface AttachmentRow {
  id: string
  name: string
  mime_type: string
  size: number
  sha256: string
  created_at: number
}

export function attachmentsRepository(db: Db) {
  const insert = db.prepare(
    'INSERT INTO attachments (id, name, mime_type, size, sha256, created_at) VALUES (@id, @name, @mimeType, @size, @sha256, @createdAt)',
  )
  const byId = db.prepare('SELECT * FROM attachments WHERE id = ?')
  return {
    insert(attachment: Attachment): void {
      insert.run(attachment)
    },
    get(id: string): Attachment | undefined {
      const row = byId.get(id) as AttachmentRow | undefined
      return row && { id: row.id, name: row.name, mimeType: row.mime_type, size: row.size, sha256: row.sha256, createdAt: row.created_at }
    },
  }
}
