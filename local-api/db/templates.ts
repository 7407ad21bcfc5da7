import type { Channel } from '../domain/channels.js'
import type { Db } from './open.js'

export type TemplateApproval = 'pending' | 'approved' | 'rejected'

/** A quick reply: its body may use variables such as {{guest.firstName}} or {{reservation.arrival}}. */
export interface Template {
  id: string
  propertyId: string
  name: string
  shortcut: string
  body: string
  language: string
  /** Only offered on this channel; null: on every channel. */
  channel: Channel | null
  /** WhatsApp's approval of the template (needed once the 24 h window has closed). */
  approval: TemplateApproval | null
  createdAt: number
  updatedAt: number
}

interface TemplateRow {
  id: string
  property_id: string
  name: string
  shortcut: string
  body: string
  language: string
  channel: Channel | null
  approval: TemplateApproval | null
  created_at: number
  updated_at: number
}

const toTemplate = (row: TemplateRow): Template => ({
  id: row.id,
  propertyId: row.property_id,
  name: row.name,
  shortcut: row.shortcut,
  body: row.body,
  language: row.language,
  channel: row.channel,
  approval: row.approval,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

export function templatesRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO templates (id, property_id, name, shortcut, body, language, channel, approval, created_at, updated_at)
    VALUES (@id, @propertyId, @name, @shortcut, @body, @language, @channel, @approval, @createdAt, @updatedAt)`)
  const update = db.prepare(`
    UPDATE templates SET name = @name, shortcut = @shortcut, body = @body, language = @language, channel = @channel,
      approval = @approval, updated_at = @updatedAt WHERE id = @id`)
  const remove = db.prepare('DELETE FROM templates WHERE id = ?')
  const setShortcut = db.prepare('UPDATE templates SET shortcut = ? WHERE id = ?')
  const byId = db.prepare('SELECT * FROM templates WHERE id = ?')
  const byShortcut = db.prepare('SELECT * FROM templates WHERE property_id = ? AND shortcut = ?')
  const ofProperty = db.prepare('SELECT * FROM templates WHERE property_id = ? ORDER BY name COLLATE NOCASE')

  return {
    insert(template: Template): void {
      insert.run(template)
    },
    update(template: Template): void {
      update.run(template)
    },
    /** Writes a template as another desk has it (sync): made if missing, else its fields taken over. */
    fromSync(template: Template): void {
      if (byId.get(template.id)) update.run(template)
      else insert.run(template)
    },
    setShortcut(id: string, shortcut: string): void {
      setShortcut.run(shortcut, id)
    },
    remove(id: string): void {
      remove.run(id)
    },
    get(id: string): Template | undefined {
      const row = byId.get(id) as TemplateRow | undefined
      return row && toTemplate(row)
    },
    byShortcut(propertyId: string, shortcut: string): Template | undefined {
      const row = byShortcut.get(propertyId, shortcut) as TemplateRow | undefined
      return row && toTemplate(row)
    },
    ofProperty(propertyId: string): Template[] {
      return (ofProperty.all(propertyId) as TemplateRow[]).map(toTemplate)
    },
  }
}
