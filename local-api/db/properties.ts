import type { Db } from './open.js'

export interface Property {
  id: string
  name: string
  defaultCountry: string
  timeZone: string
  createdAt: number
}

interface PropertyRow {
  id: string
  name: string
  default_country: string
  time_zone: string
  created_at: number
}

const toProperty = (row: PropertyRow): Property => ({
  id: row.id,
  name: row.name,
  defaultCountry: row.default_country,
  timeZone: row.time_zone,
  createdAt: row.created_at,
})

export function propertiesRepository(db: Db) {
  const insert = db.prepare(
    'INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES (@id, @name, @defaultCountry, @timeZone, @createdAt)',
  )
  const update = db.prepare('UPDATE properties SET name = @name, default_country = @defaultCountry, time_zone = @timeZone WHERE id = @id')
  const byId = db.prepare('SELECT * FROM properties WHERE id = ?')
  const all = db.prepare('SELECT * FROM properties ORDER BY rowid')
  const first = db.prepare('SELECT * FROM properties ORDER BY rowid LIMIT 1')

  return {
    insert(property: Property): void {
      insert.run(property)
    },
    update(property: Property): void {
      update.run(property)
    },
    /** Writes a property as another desk has it (sync): made if missing, else its fields taken over. */
    fromSync(property: Property): void {
      if (byId.get(property.id)) update.run(property)
      else insert.run(property)
    },
    get(id: string): Property | undefined {
      const row = byId.get(id) as PropertyRow | undefined
      return row && toProperty(row)
    },
    list(): Property[] {
      return (all.all() as PropertyRow[]).map(toProperty)
    },
    /** The oldest property: where pushes go when a token names none. */
    first(): Property | undefined {
      const row = first.get() as PropertyRow | undefined
      return row && toProperty(row)
    },
  }
}
