import { newId } from '../domain/ids.js'
import { isCountryCode } from '../domain/identity.js'
import type { Property } from '../db/properties.js'
import type { Store } from '../db/store.js'
import { defaultOutletOf } from '../domain/default-outlet.js'

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

function checkedSettings(input: PropertyInput): { name: string; defaultCountry: string; timeZone: string } {
  const defaultCountry = input.defaultCountry.toUpperCase()
  if (!isCountryCode(defaultCountry)) throw new RangeError(`unknown country code "${input.defaultCountry}"`)
  const timeZone = input.timeZone ?? 'UTC'
  if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}"`)
  return { name: input.name, defaultCountry, timeZone }
}

/** A new property, with its default outlet ("Front desk") so the guest app can write to it at once. */
export function createProperty(store: Store, input: PropertyInput, now = Date.now(), id = newId('prop')): Property {
  const property: Property = { id, ...checkedSettings(input), createdAt: now }
  store.transaction(() => {
    store.properties.insert(property)
    store.changeLog.append('property', property.id, 'insert', property, now)
    const outlet = { ...defaultOutletOf(property.id), available: true, position: 1, createdAt: now }
    store.outlets.insert(outlet)
    store.changeLog.append('outlet', outlet.id, 'insert', outlet, now)
  })
  return property
}

/** Renames a property and sets its phone country and time zone; a RangeError names a bad value. */
export function updateProperty(store: Store, property: Property, input: PropertyInput, now = Date.now()): Property {
  const updated: Property = { ...property, ...checkedSettings(input) }
  store.transaction(() => {
    store.properties.update(updated)
    store.changeLog.append('property', property.id, 'update', updated, now)
  })
  return updated
}

/**
 * A new data dir gets one property so pushes have somewhere to go before setup names it — unless
 * it is connected to a central server: then its property comes from there (see the sync service).
 */
export function ensureDefaultProperty(store: Store, defaults: PropertyInput): Property | undefined {
  const existing = store.properties.first()
  if (existing || store.sync.config().centralUrl) return existing
  return createProperty(store, defaults)
}
