import { useTranslation } from 'react-i18next'
import { relativeTime } from '@/lib/relative-time'
import { useNow } from '@/lib/use-now'
import { useRecentBackgroundFailures } from '../api/health'

/**
 * A small notice in the top bar while background work failed lately — the AI agent could not
 * answer, a reply could not be delivered — which no screen would show otherwise; opens to what
 * failed, when, and why.
 */
export function BackgroundNotice() {
  const { t, i18n } = useTranslation()
  const now = useNow(15_000)
  const failures = useRecentBackgroundFailures(now)
  if (!failures.length) return null
  const [latest, ...others] = failures
  const summary = t('background.summary', { worker: t(`background.workers.${latest!.worker}`), count: latest!.failures })
  return (
    <details className="background-notice">
      <summary>
        <span aria-hidden="true">⚠</span> {others.length ? t('background.more', { summary, count: others.length }) : summary}
      </summary>
      <div className="background-details card" role="group" aria-label={t('background.label')}>
        <ul>
          {failures.map((failure) => (
            <li key={failure.worker}>
              <strong>{t(`background.workers.${failure.worker}`)}</strong>: {failure.reason}
              <div className="muted">{t('background.failures', { count: failure.failures, time: relativeTime(failure.lastAt, now, i18n.language) })}</div>
              <div className="background-detail">{failure.detail}</div>
            </li>
          ))}
        </ul>
        <p className="muted">{t('background.hint')}</p>
      </div>
    </details>
  )
}
