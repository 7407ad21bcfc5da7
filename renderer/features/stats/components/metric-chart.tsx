import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type TooltipModel } from 'chart.js'
import type { Metric, SeriesPoint } from '@api-contract'

// Only what a bar chart with axes and a tooltip needs: the rest of Chart.js stays out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip)

export interface MetricChartProps {
  metric: Metric
  points: SeriesPoint[]
  /** "Active conversations per day": the canvas's accessible name. */
  label: string
  locale: string
}

interface Hovered {
  text: string
  x: number
  y: number
}

/** The colours of the page's theme (light or dark), read from its CSS variables. */
function themeColours(element: Element) {
  const style = getComputedStyle(element)
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback
  return { bar: read('--accent', '#1f6feb'), text: read('--muted', '#555'), grid: read('--border', '#ddd') }
}

/**
 * One metric per day or week as a bar chart (Chart.js on a canvas): dates on the x axis, values on
 * the y axis, the value of the bar under the pointer in a tooltip. The tooltip is HTML beside the
 * canvas, so screen readers hear it too; the canvas is an image named by `label`.
 */
export default function MetricChart({ metric, points, label, locale }: MetricChartProps) {
  const { t } = useTranslation()
  const canvas = useRef<HTMLCanvasElement>(null)
  const [hovered, setHovered] = useState<Hovered | null>(null)
  const percent = metric.unit === 'percent'

  useEffect(() => {
    const element = canvas.current
    if (!element) return
    // A point's date is a day of the property's calendar: shown as that date wherever the desk is.
    const day = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
    const valueText = (value: number | null | undefined) => (value === null || value === undefined ? t('stats.none') : percent ? `${value} %` : String(value))
    const colours = themeColours(element)
    const showTooltip = ({ tooltip }: { tooltip: TooltipModel<'bar'> }) => {
      const point = tooltip.opacity === 0 ? undefined : points[tooltip.dataPoints[0]?.dataIndex ?? -1]
      setHovered(
        point
          ? { text: t('statsCharts.valueAt', { date: day(point.date), value: valueText(point.values[metric.key]) }), x: tooltip.caretX, y: tooltip.caretY }
          : null,
      )
    }
    const chart = new Chart(element, {
      type: 'bar',
      data: {
        labels: points.map((point) => day(point.date)),
        datasets: [{ label: metric.label, data: points.map((point) => point.values[metric.key] ?? null), backgroundColor: colours.bar, borderRadius: 2 }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { ticks: { color: colours.text, maxRotation: 0, autoSkip: true, maxTicksLimit: 8 }, grid: { display: false } },
          y: {
            beginAtZero: true,
            ...(percent ? { max: 100 } : {}),
            ticks: { color: colours.text, precision: 0, callback: (value) => (percent ? `${value} %` : String(value)) },
            grid: { color: colours.grid },
          },
        },
        plugins: { tooltip: { enabled: false, external: showTooltip } },
      },
    })
    return () => chart.destroy()
  }, [points, metric.key, metric.label, percent, locale, t])

  return (
    <div className="metric-chart" onMouseLeave={() => setHovered(null)}>
      <canvas ref={canvas} role="img" aria-label={label} />
      {hovered && (
        <div className="chart-tooltip" role="status" style={{ left: hovered.x, top: hovered.y }}>
          {hovered.text}
        </div>
      )}
    </div>
  )
}
