/** The outlet every property has from the start, so guest-app conversations work without set-up. */
export const DEFAULT_OUTLET = { code: 'front-desk', name: 'Front desk' } as const

/**
 * The default outlet of a property. Its id follows from the property's (`prop_X` → `out_X`): every
 * desk of the property, and the migration that gives existing properties theirs, make the same one.
 */
export function defaultOutletOf(propertyId: string): { id: string; propertyId: string; code: string; name: string } {
  return { id: `out_${propertyId.replace(/^prop_/, '')}`, propertyId, ...DEFAULT_OUTLET }
}
