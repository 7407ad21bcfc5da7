import type { ChosenFilters } from './api-filters.js'

/** One filter the desk has set, as a removable chip says it. */
export interface ActiveFilter {
  /** Which filter it is (what removing the chip resets). */
  key: 'channel' | 'status' | 'date' | 'assigned' | 'type' | 'language' | 'outletId' | 'propertyId' | 'searchMessages'
  /** The filter's name ("Channel") and the chosen value ("WhatsApp"), translated. */
  name: string
  value: string
}

/** How the chips word a filter's name and its value. */
export interface FilterWords {
  name(key: ActiveFilter['key']): string
  value(key: ActiveFilter['key'], chosen: string): string
  /** The custom date range ("3 Mar – 5 Mar"), from its YYYY-MM-DD inputs (either may be empty). */
  range(from: string, to: string): string
  /** The name of an outlet or property by id (an id not known yet stays as it is). */
  outlet(id: string): string
  property(id: string): string
}

/** The filters set away from "everything", in the order the filter popover lists them. */
export function activeFilters(chosen: ChosenFilters, words: FilterWords): ActiveFilter[] {
  const active: ActiveFilter[] = []
  const add = (key: ActiveFilter['key'], value: string) => active.push({ key, name: words.name(key), value })
  if (chosen.searchMessages) add('searchMessages', words.value('searchMessages', 'on'))
  if (chosen.channel !== 'all') add('channel', words.value('channel', chosen.channel))
  if (chosen.status !== 'all') add('status', words.value('status', chosen.status))
  if (chosen.date === 'custom') add('date', words.range(chosen.customFrom, chosen.customTo))
  else if (chosen.date !== 'all') add('date', words.value('date', chosen.date))
  if (chosen.assigned !== 'anyone') add('assigned', words.value('assigned', chosen.assigned))
  if (chosen.type !== 'any') add('type', words.value('type', chosen.type))
  if (chosen.language !== 'any') add('language', words.value('language', chosen.language))
  if (chosen.outletId !== 'all') add('outletId', words.outlet(chosen.outletId))
  if (chosen.propertyId !== 'all') add('propertyId', words.property(chosen.propertyId))
  return active
}
