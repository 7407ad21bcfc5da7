import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { Outlet, Property } from '@api-contract'
import { parseDateInput } from '@/lib/date-ranges'
import { CONVERSATION_SEARCH_ID } from '@/lib/dom'
import { useProperties } from '@/queries/properties'
import { activeFilters, type ActiveFilter, type FilterWords } from '../active-filters'
import { useOutlets } from '../api/outlets'
import { useChosenFilters, useFilterActions, useSearchText } from '../stores/filters-store'
import { ActiveFilterChips } from './active-filter-chips'
import { FilterControls } from './filter-controls'
import { FilterPopover } from './filter-popover'
import { languageName } from '@/lib/language-name'

const FILTER_NAMES: Record<ActiveFilter['key'], string> = {
  channel: 'filters.channel',
  status: 'filters.status',
  date: 'filters.date',
  assigned: 'filters.assigned',
  type: 'filters.type',
  language: 'filters.language',
  outletId: 'filters.department',
  propertyId: 'filters.property',
  searchMessages: '',
}

/**
 * Above the list, in one line: the search, the Filters button (its popover holds every other filter)
 * and what the caller adds (the export); the filters set show as removable chips under it.
 */
export function ConversationFilters({ children }: { children?: ReactNode }) {
  const { t, i18n } = useTranslation()
  const search = useSearchText()
  const actions = useFilterActions()
  const chosen = useChosenFilters()
  const properties = useProperties().data
  const outlets = useOutlets().data
  const active = useMemo(
    () => activeFilters(chosen, filterWords(t, i18n.language, outlets ?? [], properties ?? [])),
    [chosen, t, i18n.language, outlets, properties],
  )

  return (
    <div className="filter-bar" role="search" aria-label={t('filters.label')}>
      <div className="filter-bar-row">
        <label className="visually-hidden" htmlFor={CONVERSATION_SEARCH_ID}>
          {t('filters.search')}
        </label>
        <input
          id={CONVERSATION_SEARCH_ID}
          className="search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={chosen.searchMessages ? t('layout.searchMessages') : t('layout.searchGuests')}
          value={search}
          onChange={(event) => actions.searchTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              if (search) actions.searchTyped('')
              else event.currentTarget.blur()
            }
          }}
        />
        <FilterPopover activeCount={active.length}>
          <FilterControls />
        </FilterPopover>
        {children}
      </div>
      <ActiveFilterChips active={active} />
    </div>
  )
}

function filterWords(t: TFunction, language: string, outlets: readonly Outlet[], properties: readonly Property[]): FilterWords {
  const day = (value: string) => parseDateInput(value)?.toLocaleDateString(language, { day: 'numeric', month: 'short' }) ?? t('layout.openEnded')
  return {
    name: (key) => (FILTER_NAMES[key] ? t(FILTER_NAMES[key]) : ''),
    value: (key, chosen) => {
      if (key === 'searchMessages') return t('filters.inMessages')
      if (key === 'channel') return t(`channel.${chosen}`)
      if (key === 'type') return t(`insight.types.${chosen}`)
      if (key === 'language') return languageName(chosen, language)
      return t(`filters.${chosen}`)
    },
    range: (from, to) => t('layout.range', { from: day(from), to: day(to) }),
    outlet: (id) => outlets.find((outlet) => outlet.id === id)?.name ?? id,
    property: (id) => properties.find((property) => property.id === id)?.name ?? id,
  }
}
