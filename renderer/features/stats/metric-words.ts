import type { TFunction } from 'i18next'
import type { Metric } from '@api-contract'

/** A metric's name and definition in the inbox's language; the API's own (English) words for one it does not know. */
export const metricWords = (metric: Pick<Metric, 'key' | 'label' | 'definition'>, t: TFunction) => ({
  label: t(`stats.metrics.${metric.key}.label`, { defaultValue: metric.label }),
  definition: t(`stats.metrics.${metric.key}.definition`, { defaultValue: metric.definition }),
})
