import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Metric } from '@api-contract'
import { useNow } from '@/lib/use-now'
import { periodRange, preparedPercent, useStats, type Period } from '../api/stats'
import { PeriodSelect } from './period-select'
import { metricWords } from '../metric-words'

export const formatMetric = (metric: Pick<Metric, 'value' | 'unit'>, none: string) =>
  metric.value === null ? none : metric.unit === 'percent' ? `${metric.value} %` : String(metric.value)

/**
 * The figures above the inbox for the chosen period and the property the list is filtered to;
 * each metric's definition on hover and for screen readers.
 */
export function StatsBar({ propertyId }: { propertyId?: string }) {
  const { t } = useTranslation()
  const [period, setPeriod] = useState<Period>('today')
  const now = useNow(60_000)
  // Recomputed once a minute, so the query key holds still in between.
  const range = useMemo(() => ({ ...periodRange(period, now), ...(propertyId ? { propertyId } : {}) }), [period, now, propertyId])
  const stats = useStats(range)
  return (
    <section className="stats-bar" aria-label={t('stats.bar')}>
      <label>
        <span className="visually-hidden">{t('stats.period')}</span>
        <PeriodSelect value={period} onChange={setPeriod} />
      </label>
      {stats.data?.preparing && (
        <p className="muted" role="status">
          {t('stats.preparing', { percent: preparedPercent(stats.data.preparing) })}
        </p>
      )}
      <dl>
        {(stats.data?.metrics ?? []).map((metric) => {
          const { label, definition } = metricWords(metric, t)
          return (
            <div key={metric.key} className="metric" title={definition}>
              <dt>
                <abbr title={definition}>{label}</abbr>
              </dt>
              <dd data-metric={metric.key}>{formatMetric(metric, t('stats.none'))}</dd>
            </div>
          )
        })}
      </dl>
    </section>
  )
}
