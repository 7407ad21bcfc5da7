import { useTranslation } from 'react-i18next'
import type { Period } from '../api/stats'

const PERIODS = ['today', '7d', '30d'] as const

/** Today, the last 7 or the last 30 days. */
export function PeriodSelect({ value, onChange }: { value: Period; onChange(period: Period): void }) {
  const { t } = useTranslation()
  return (
    <select value={value} onChange={(event) => onChange(event.target.value as Period)}>
      {PERIODS.map((choice) => (
        <option key={choice} value={choice}>
          {t(`stats.periods.${choice}`)}
        </option>
      ))}
    </select>
  )
}
