import { useTranslation } from 'react-i18next'
import { FILTER_BUTTON_ID } from '@/lib/dom'
import type { ActiveFilter } from '../active-filters'
import { useFilterActions } from '../stores/filters-store'

/** The filters set, one removable chip each, under the search bar; nothing when none is set. */
export function ActiveFilterChips({ active }: { active: readonly ActiveFilter[] }) {
  const { t } = useTranslation()
  const { filterRemoved, filtersCleared } = useFilterActions()
  if (!active.length) return null
  const removed = (remove: () => void) => {
    remove()
    // The chip is gone with its focus: the Filters button is where the next change starts.
    document.getElementById(FILTER_BUTTON_ID)?.focus()
  }
  return (
    <ul className="filter-chips" aria-label={t('layout.activeFilters')}>
      {active.map((filter) => {
        const said = filter.name ? t('layout.chip', { name: filter.name, value: filter.value }) : filter.value
        return (
          <li key={filter.key}>
            <button
              type="button"
              className="filter-chip"
              title={said}
              aria-label={t('layout.removeFilter', { filter: said })}
              onClick={() => removed(() => filterRemoved(filter.key))}
            >
              <span>{filter.value}</span>
              <svg viewBox="0 0 16 16" width="10" height="10" aria-hidden="true" focusable="false">
                <path d="M4 4l8 8M12 4l-8 8" />
              </svg>
            </button>
          </li>
        )
      })}
      {active.length > 1 && (
        <li>
          <button type="button" className="link-button filter-clear" onClick={() => removed(filtersCleared)}>
            {t('layout.clearFilters')}
          </button>
        </li>
      )}
    </ul>
  )
}
