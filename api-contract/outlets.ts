import { Type, type Static } from 'typebox'

/** An outlet (department) of a property: the guest app writes to it; the inbox filters by it. */
export const OutletSchema = Type.Object({
  id: Type.String(),
  propertyId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  available: Type.Boolean(),
  position: Type.Integer(),
})
export type Outlet = Static<typeof OutletSchema>
