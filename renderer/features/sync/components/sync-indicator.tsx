import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { SyncStatus } from '@api-contract'
import { relativeTime } from '@/lib/relative-time'
import { useNow } from '@/lib/use-now'
import { useSyncNow, useSyncStatus } from '../api/sync'
import { SyncProgressBar } from './sync-progress'

/** The top bar's word on sync with the central server; opens to the details and "Sync now". */
export function SyncIndicator() {
  const { t, i18n } = useTranslation()
  const status = useSyncStatus()
  const syncNow = useSyncNow()
  const now = useNow(15_000)
  if (!status.data?.configured) return null
  const sync = status.data
  const tone = sync.state === 'offline' ? 'bad' : sync.state === 'syncing' || sync.pendingOps > 0 ? 'busy' : 'good'
  return (
    <details className={`sync-indicator ${tone}`}>
      <summary aria-label={t('sync.label')}>
        <span className="sync-dot" aria-hidden="true" />
        {summaryOf(sync, t)}
      </summary>
      <div className="sync-details card" role="group" aria-label={t('sync.details')}>
        {sync.progress && <SyncProgressBar progress={sync.progress} label={t('sync.syncing')} />}
        <dl>
          <dt>{t('sync.central')}</dt>
          <dd>{sync.centralUrl}</dd>
          <dt>{t('sync.lastSync')}</dt>
          <dd>{sync.lastSyncAt ? relativeTime(sync.lastSyncAt, now, i18n.language) : t('sync.never')}</dd>
          <dt>{t('sync.pending')}</dt>
          <dd>{sync.pendingOps}</dd>
          {sync.waitingOps > 0 && (
            <>
              <dt>{t('sync.waiting')}</dt>
              <dd>{t('sync.waitingValue', { count: sync.waitingOps })}</dd>
            </>
          )}
        </dl>
        {sync.parkedOps > 0 && (
          <p className="form-error" role="status">
            {t('sync.parkedLine', { count: sync.parkedOps })}
          </p>
        )}
        {sync.refusedOps > 0 && (
          <p className="form-error" role="status">
            {t('sync.refusedLine', { count: sync.refusedOps })}
          </p>
        )}
        {sync.identityChange && <p className="sync-identity">{t(`sync.identity.${sync.identityChange.reason}`)}</p>}
        {sync.lastError && (
          <p className="form-error" role="alert">
            {sync.lastError}
          </p>
        )}
        <button type="button" className="button" disabled={syncNow.isPending || sync.state === 'syncing'} onClick={() => syncNow.mutate()}>
          {t('sync.now')}
        </button>
      </div>
    </details>
  )
}

function summaryOf(sync: SyncStatus, t: TFunction): string {
  if (sync.state === 'offline') return sync.pendingOps > 0 ? t('sync.offlinePending', { count: sync.pendingOps }) : t('sync.offline')
  if (sync.progress) return t('sync.syncingPercent', { percent: Math.floor((100 * sync.progress.done) / Math.max(sync.progress.total, 1)) })
  if (sync.state === 'syncing' || sync.pendingOps > 0) return t('sync.syncing')
  return t('sync.synced')
}
