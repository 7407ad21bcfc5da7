import type { Db } from './open.js'

/** A department guests write to from the guest app: Front desk, Restaurant, Spa… */
export interface Outlet {
  id: string
  propertyId: string
  code: string
  name: string
  available: boolean
  position: number
  createdAt: number
}

interface OutletRow {
  id: string
  property_id: string
  code: string
  name: string
  available: 0 | 1
  position: number
  created_at: number
}

const toOutlet = (row: OutletRow): Outlet => ({
  id: row.id,
  propertyId: row.property_id,
  code: row.code,
  name: row.name,
  available: row.available === 1,
  position: row.position,
  createdAt: row.created_at,
})

export function outletsRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO outlets (id, property_id, code, name, available, position, created_at)
    VALUES (@id, @propertyId, @code, @name, @available, @position, @createdAt)`)
  const update = db.prepare('UPDATE outlets SET code = @code, name = @name, available = @available, position = @position WHERE id = @id')
  const byId = db.prepare('SELECT * FROM outlets WHERE id = ?')
  const byCode = db.prepare('SELECT * FROM outlets WHERE property_id = ? AND code = ?')
  const firstAvailable = db.prepare('SELECT * FROM outlets WHERE property_id = ? AND available = 1 ORDER BY position, rowid LIMIT 1')
  const ofProperty = db.prepare('SELECT * FROM outlets WHERE property_id = ? ORDER BY position, rowid')
  const all = db.prepare('SELECT * FROM outlets ORDER BY property_id, position, rowid')
  const nextPosition = db.prepare('SELECT coalesce(max(position), 0) + 1 AS position FROM outlets WHERE property_id = ?')

  const row = (outlet: Outlet) => ({ ...outlet, available: outlet.available ? 1 : 0 })
  return {
    insert(outlet: Outlet): void {
      insert.run(row(outlet))
    },
    update(outlet: Outlet): void {
      update.run(row(outlet))
    },
    get(id: string): Outlet | undefined {
      const found = byId.get(id) as OutletRow | undefined
      return found && toOutlet(found)
    },
    byCode(propertyId: string, code: string): Outlet | undefined {
      const found = byCode.get(propertyId, code) as OutletRow | undefined
      return found && toOutlet(found)
    },
    /** The property's first available outlet, in display order. */
    firstAvailable(propertyId: string): Outlet | undefined {
      const found = firstAvailable.get(propertyId) as OutletRow | undefined
      return found && toOutlet(found)
    },
    ofProperty(propertyId: string): Outlet[] {
      return (ofProperty.all(propertyId) as OutletRow[]).map(toOutlet)
    },
    list(): Outlet[] {
      return (all.all() as OutletRow[]).map(toOutlet)
    },
    nextPosition(propertyId: string): number {
      return (nextPosition.get(propertyId) as { position: number }).position
    },
  }
}
