import type { Db } from './open.js'

/** A field a property adds to its conversations' service records. */
export interface CustomField {
  id: string
  propertyId: string
  name: string
  createdAt: number
}

interface CustomFieldRow {
  id: string
  property_id: string
  name: string
  created_at: number
}

const toCustomField = (row: CustomFieldRow): CustomField => ({ id: row.id, propertyId: row.property_id, name: row.name, createdAt: row.created_at })

export function customFieldsRepository(db: Db) {
  const insert = db.prepare('INSERT INTO custom_fields (id, property_id, name, created_at) VALUES (@id, @propertyId, @name, @createdAt)')
  const rename = db.prepare('UPDATE custom_fields SET name = ? WHERE id = ?')
  const byId = db.prepare('SELECT * FROM custom_fields WHERE id = ?')
  const ofProperty = db.prepare('SELECT * FROM custom_fields WHERE property_id = ? ORDER BY rowid')

  return {
    insert(field: CustomField): void {
      insert.run(field)
    },
    rename(id: string, name: string): void {
      rename.run(name, id)
    },
    get(id: string): CustomField | undefined {
      const row = byId.get(id) as CustomFieldRow | undefined
      return row && toCustomField(row)
    },
    ofProperty(propertyId: string): CustomField[] {
      return (ofProperty.all(propertyId) as CustomFieldRow[]).map(toCustomField)
    },
  }
}
