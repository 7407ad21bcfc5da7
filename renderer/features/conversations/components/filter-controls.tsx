import { useTranslation } from 'react-i18next'
import { languageName } from '@/lib/language-name'
import { useProperties } from '@/queries/properties'
import { channelChoices, useChannelsInUse } from '../api/channels-in-use'
import { useLanguagesInUse } from '../api/languages-in-use'
import { useOutlets } from '../api/outlets'
import {
  useChannelFilter,
  useCustomRange,
  useDateFilter,
  useFilterActions,
  useAssignedFilter,
  useSearchesMessages,
  useTypeFilter,
  useLanguageFilter,
  useDepartmentFilter,
  usePropertyFilter,
  useStatusFilter,
  type AssignedFilter,
  type DateFilter,
  type StatusFilter,
} from '../stores/filters-store'

const STATUS_CHOICES: readonly StatusFilter[] = ['all', 'active', 'expired', 'lead']
const DATE_CHOICES: readonly DateFilter[] = ['all', 'today', 'week', 'month', 'custom']
const ASSIGNED_CHOICES: readonly AssignedFilter[] = ['anyone', 'mine', 'queue']
const TYPE_CHOICES = ['booking', 'lead', 'faq', 'mixed'] as const

/** The language filter's choices: the languages the desk's guests write, and the one chosen even if none writes it now. */
const languageChoices = (inUse: readonly string[], chosen: string | 'any') => [...inUse, ...(chosen !== 'any' && !inUse.includes(chosen) ? [chosen] : [])]

/** The filters inside the Filters popover: search scope, channel, status, date, assignee, type, guest language, department, property. */
export function FilterControls() {
  const { t, i18n } = useTranslation()
  const channel = useChannelFilter()
  const status = useStatusFilter()
  const date = useDateFilter()
  const [customFrom, customTo] = useCustomRange()
  const propertyId = usePropertyFilter()
  const actions = useFilterActions()
  const properties = useProperties().data ?? []
  const outletId = useDepartmentFilter()
  const assigned = useAssignedFilter()
  const type = useTypeFilter()
  const language = useLanguageFilter()
  const languages = languageChoices(useLanguagesInUse().data ?? [], language)
  const searchMessages = useSearchesMessages()
  const outlets = useOutlets().data ?? []
  const channels = channelChoices(useChannelsInUse().data ?? [], channel)

  return (
    <>
      <label className="checkbox search-scope">
        <input type="checkbox" checked={searchMessages} onChange={() => actions.searchScopeToggled()} />
        {t('filters.inMessages')}
      </label>

      <div className="filter-field">
        <span id="filter-channel-label">{t('filters.channel')}</span>
        <div className="channel-tabs" role="group" aria-labelledby="filter-channel-label">
          {channels.map((choice) => (
            <button key={choice} type="button" className="chip" aria-pressed={channel === choice} onClick={() => actions.channelChosen(choice)}>
              {t(`channel.${choice}`)}
            </button>
          ))}
        </div>
      </div>

      <label className="filter-field">
        <span>{t('filters.status')}</span>
        <select value={status} onChange={(event) => actions.statusChosen(event.target.value as StatusFilter)}>
          {STATUS_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice === 'all' ? t('filters.statusAll') : t(`filters.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-field">
        <span>{t('filters.date')}</span>
        <select value={date} onChange={(event) => actions.dateRangeChosen(event.target.value as DateFilter)}>
          {DATE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice === 'all' ? t('filters.dateAll') : t(`filters.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      {date === 'custom' && (
        <div className="custom-range">
          <label>
            {t('filters.from')}
            <input type="date" value={customFrom} onChange={(event) => actions.customRangeChanged({ from: event.target.value })} />
          </label>
          <label>
            {t('filters.to')}
            <input type="date" value={customTo} onChange={(event) => actions.customRangeChanged({ to: event.target.value })} />
          </label>
        </div>
      )}
      <label className="filter-field">
        <span>{t('filters.assigned')}</span>
        <select value={assigned} onChange={(event) => actions.assignedChosen(event.target.value as AssignedFilter)}>
          {ASSIGNED_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`filters.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-field">
        <span>{t('filters.type')}</span>
        <select value={type} onChange={(event) => actions.typeChosen(event.target.value as typeof type)}>
          <option value="any">{t('filters.anyType')}</option>
          {TYPE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`insight.types.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      {languages.length > 0 && (
        <label className="filter-field">
          <span>{t('filters.language')}</span>
          <select value={language} onChange={(event) => actions.languageChosen(event.target.value)}>
            <option value="any">{t('filters.anyLanguage')}</option>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageName(code, i18n.language)}
              </option>
            ))}
          </select>
        </label>
      )}
      {outlets.length > 0 && (
        <label className="filter-field">
          <span>{t('filters.department')}</span>
          <select value={outletId} onChange={(event) => actions.departmentChosen(event.target.value)}>
            <option value="all">{t('filters.allDepartments')}</option>
            {outlets.map((outlet) => (
              <option key={outlet.id} value={outlet.id}>
                {properties.length > 1 ? `${outlet.name} (${properties.find((p) => p.id === outlet.propertyId)?.name ?? ''})` : outlet.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {properties.length > 1 && (
        <label className="filter-field">
          <span>{t('filters.property')}</span>
          <select value={propertyId} onChange={(event) => actions.propertyChosen(event.target.value)}>
            <option value="all">{t('filters.allProperties')}</option>
            {properties.map((property) => (
              <option key={property.id} value={property.id}>
                {property.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  )
}
