import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Metric, SeriesPoint } from '@api-contract'
import { useProperties } from '@/queries/properties'
import { useNow } from '@/lib/use-now'
import { periodRange, preparedPercent, useSeries, useStats, type Period } from '../api/stats'
import { formatMetric } from './stats-bar'
import { PeriodSelect } from './period-select'

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
      {stats.data?.preparing && (
        <p className="muted" role="status">
          {t('stats.preparing', { percent: preparedPercent(stats.data.preparing) })}
        </p>
      )}
      <div className="charts">
        {(stats.data?.metrics ?? []).map((metric) => (
          <Chart key={metric.key} metric={metric} points={series.data?.points ?? []} bucketLabel={t(`stats.buckets.${bucket}`)} locale={i18n.language} />
        ))}
      </div>
    </main>
  )
}

function Chart({ metric, points, bucketLabel, locale }: { metric: Metric; points: SeriesPoint[]; bucketLabel: string; locale: string }) {
  const { t } = useTranslation()
  const values = points.map((point) => point.values[metric.key])
  const max = Math.max(1, ...values.map((value) => value ?? 0))
  const width = Math.max(1, points.length) * 14
  const [first, last] = [points[0], points.at(-1)]
  // A point's date is a day of the property's calendar: shown as that date wherever the desk is.
  const day = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
  return (
    <figure className="card chart">
      <figcaption>
        <strong>{metric.label}</strong> <span className="muted">{formatMetric(metric, t('stats.none'))}</span>
        <p className="muted">{metric.definition}</p>
      </figcaption>
      <svg viewBox={`0 0 ${width} 100`} preserveAspectRatio="none" role="img" aria-label={t('stats.chart', { label: metric.label, bucket: bucketLabel })}>
        {points.map((point, index) => {
          const value = point.values[metric.key] ?? 0
          const height = (value / max) * 92
          return (
            <rect key={point.from} x={index * 14 + 2} y={100 - height} width={10} height={height} className="bar">
              <title>{`${day(point.date)}: ${point.values[metric.key] ?? t('stats.none')}${metric.unit === 'percent' && point.values[metric.key] !== null ? ' %' : ''}`}</title>
            </rect>
          )
        })}
      </svg>
      {first && last && (
        <div className="chart-axis" aria-hidden="true">
          <span>{day(first.date)}</span>
          <span>{day(last.date)}</span>
        </div>
      )}
    </figure>
  )
}
