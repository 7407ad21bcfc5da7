import { Type, type Static } from 'typebox'

export const PropertySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  defaultCountry: Type.String({ description: 'ISO 3166-1 alpha-2; phone numbers without + are read in it.' }),
  timeZone: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
})
export type Property = Static<typeof PropertySchema>
