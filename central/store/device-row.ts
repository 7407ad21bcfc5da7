import type { Device } from './central-store.js'

/** A row of the `devices` table, as either store reads it, as a device. */
export const deviceFromRow = (row: Record<string, unknown>): Device => ({
  id: row.id as string,
  name: row.name as string,
  propertyId: row.property_id as string,
  createdAt: row.created_at as number,
  revokedAt: (row.revoked_at as number | null) ?? null,
})
