import { newId } from '../domain/ids.js'
import { isCountryCode } from '../domain/identity.js'
import type { Property } from '../db/properties.js'
import type { Store } from '../db/store.js'

export interface PropertyInput {
  name: string
  defaultCountry: string
  timeZone?: string
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export function createProperty(store: Store, input: PropertyInput, now = Date.now()): Property {
  const defaultCountry = input.defaultCountry.toUpperCase()
  if (!isCountryCode(defaultCountry)) throw new RangeError(`unknown country code "${input.defaultCountry}"`)
  const timeZone = input.timeZone ?? 'UTC'
  if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}"`)
  const property: Property = { id: newId('prop'), name: input.name, defaultCountry, timeZone, createdAt: now }
  store.transaction(() => {
    store.properties.insert(property)
    store.changeLog.append('property', property.id, 'insert', property, now)
  })
  return property
}

/** A new data dir gets one property so pushes have somewhere to go before setup names it. */
export function ensureDefaultProperty(store: Store, defaults: PropertyInput): Property {
  return store.properties.first() ?? createProperty(store, defaults)
}
