import { useTranslation } from 'react-i18next'
import type { SetupStatus } from '@api-contract'
import { SyncProgressBar } from './sync-progress'

/** A new desk filling from its central server: nothing to sign in to yet, so say how far it is. */
export function JoiningScreen({ status }: { status: SetupStatus }) {
  const { t } = useTranslation()
  return (
    <main className="auth-page">
      <div className="card auth-card" role="status" aria-live="polite">
        <h1>{t('sync.joiningTitle')}</h1>
        <p>{t('sync.joiningIntro')}</p>
        {status.progress ? <SyncProgressBar progress={status.progress} label={t('sync.joiningTitle')} /> : <p className="muted">{t('sync.joiningWaiting')}</p>}
      </div>
    </main>
  )
}
