import { lazy, Suspense, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Metric, SeriesPoint } from '@api-contract'
import { QueryFailureOf } from '@/components/query-failure'
import { useProperties } from '@/queries/properties'
import { useNow } from '@/lib/use-now'
import { periodRange, preparedPercent, useSeries, useStats, type Period } from '../api/stats'
import { formatMetric } from './stats-bar'
import { PeriodSelect } from './period-select'
import { metricWords } from '../metric-words'

// Chart.js loads with this page only: the inbox's first screen never waits for it.
const MetricChart = lazy(() => import('./metric-chart'))

/** Nothing happened in the period: every value of every point is zero or none. */
const isEmpty = (points: SeriesPoint[]) => points.every((point) => Object.values(point.values).every((value) => !value))

/** The statistics over time: one bar chart per metric, by day or week. */
export function StatsScreen() {
  const { t, i18n } = useTranslation()
  const [period, setPeriod] = useState<Period>('30d')
  const [bucket, setBucket] = useState<'day' | 'week'>('day')
  const [propertyId, setPropertyId] = useState('')
  const properties = useProperties().data ?? []
  const now = useNow(60_000)
  const range = useMemo(() => ({ ...periodRange(period, now), ...(propertyId ? { propertyId } : {}) }), [period, now, propertyId])
  const stats = useStats(range)
  const series = useSeries({ ...range, bucket })
  return (
    <main className="page" aria-labelledby="stats-title">
      <h1 id="stats-title">{t('stats.title')}</h1>
      <div className="inline-form">
        <label>
          {t('stats.period')} <PeriodSelect value={period} onChange={setPeriod} />
        </label>
        <label>
          {t('stats.bucket')}{' '}
          <select value={bucket} onChange={(event) => setBucket(event.target.value as 'day' | 'week')}>
            <option value="day">{t('stats.buckets.day')}</option>
            <option value="week">{t('stats.buckets.week')}</option>
          </select>
        </label>
        {properties.length > 1 && (
          <label>
            {t('stats.property')}{' '}
            <select value={propertyId} onChange={(event) => setPropertyId(event.target.value)}>
              <option value="">{t('stats.allProperties')}</option>
              {properties.map((property) => (
                <option key={property.id} value={property.id}>
                  {property.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <QueryFailureOf queries={[stats, series]} />
      {stats.data?.preparing && (
        <p className="muted" role="status">
          {t('stats.preparing', { percent: preparedPercent(stats.data.preparing) })}
        </p>
      )}
      {series.isSuccess && !series.data.preparing && isEmpty(series.data.points) ? (
        <p className="card chart-empty" role="status">
          {t('statsCharts.empty')}
        </p>
      ) : (
        <div className="charts">
          {(stats.data?.metrics ?? []).map((metric) => (
            <ChartCard key={metric.key} metric={metric} points={series.data?.points ?? []} bucketLabel={t(`stats.buckets.${bucket}`)} locale={i18n.language} />
          ))}
        </div>
      )}
    </main>
  )
}

function ChartCard({ metric, points, bucketLabel, locale }: { metric: Metric; points: SeriesPoint[]; bucketLabel: string; locale: string }) {
  const { t } = useTranslation()
  const { label, definition } = metricWords(metric, t)
  return (
    <figure className="card chart">
      <figcaption>
        <strong>{label}</strong> <span className="muted">{formatMetric(metric, t('stats.none'))}</span>
        <p className="muted">{definition}</p>
      </figcaption>
      <Suspense fallback={<div className="metric-chart chart-loading">{t('statsCharts.loading')}</div>}>
        <MetricChart metric={{ ...metric, label }} points={points} label={t('stats.chart', { label, bucket: bucketLabel })} locale={locale} />
      </Suspense>
    </figure>
  )
}
