import { useTranslation } from 'react-i18next'
import type { SyncProgress } from '@api-contract'

/** How far an initial (or long catch-up) sync is: a bar with "1,200 of 5,000". */
export function SyncProgressBar({ progress, label }: { progress: SyncProgress; label: string }) {
  const { t, i18n } = useTranslation()
  const number = new Intl.NumberFormat(i18n.language)
  return (
    <div className="sync-progress">
      <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={label} />
      <span className="muted">{t('sync.progress', { done: number.format(progress.done), total: number.format(progress.total) })}</span>
    </div>
  )
}
