import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncStatus } from '@api-contract'
import { useConnectSync, useRetryParked, useSyncStatus } from '../api/sync'
import { SaveRow } from '@/components/save-row'

type Retry = ReturnType<typeof useRetryParked>

/** Settings: connect this desk to the group's central server with the device credential issued there. */
export function SyncSettings() {
  const { t } = useTranslation()
  const status = useSyncStatus()
  const connect = useConnectSync()
  // One retry for both lists (it applies parked changes and sends refused ones again): each list stays to show what it did.
  const retry = useRetryParked()
  const [centralUrl, setCentralUrl] = useState('')
  const [credential, setCredential] = useState('')
  if (!status.data) return null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    connect.mutate({ centralUrl: centralUrl || status.data.centralUrl || '', credential }, { onSuccess: () => setCredential('') })
  }
  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.settingsTitle')}</h2>
      <p className="muted wide">
        {status.data.configured
          ? t('sync.connectedAs', { url: status.data.centralUrl, device: status.data.deviceId, property: status.data.propertyId })
          : t('sync.settingsIntro')}
      </p>
      <label>
        {t('sync.centralUrl')}
        <input
          required={!status.data.configured}
          type="url"
          placeholder={status.data.centralUrl ?? 'http://central.hotel.lan:4790'}
          value={centralUrl}
          onChange={(e) => setCentralUrl(e.target.value)}
        />
      </label>
      <label>
        {t('sync.credential')}
        <input required type="password" autoComplete="off" placeholder="fdd_…" value={credential} onChange={(e) => setCredential(e.target.value)} />
      </label>
      <SaveRow saving={connect} label={status.data.configured ? t('sync.reconnect') : t('sync.connect')} savedLabel={t('sync.connected')} />
      {(status.data.refusedOps > 0 || Boolean(retry.data?.resent)) && <RefusedOps sync={status.data} retry={retry} />}
      {(status.data.parkedOps > 0 || Boolean(retry.data?.applied)) && <ParkedOps sync={status.data} retry={retry} />}
    </form>
  )
}

/** Other desks' changes this desk set aside, and a retry (after an upgrade; it sends refused ones again too). */
function ParkedOps({ sync, retry }: { sync: SyncStatus; retry: Retry }) {
  const { t } = useTranslation()
  return (
    <section className="wide" aria-labelledby="sync-parked-title">
      <h3 id="sync-parked-title">{t('sync.parkedTitle')}</h3>
      <p className="muted">{t('sync.parkedIntro')}</p>
      <ul>
        {sync.parked.map((op) => (
          <li key={op.opId}>
            <code>
              {op.entity} {op.entityId}
            </code>
            : {op.reason}
          </li>
        ))}
      </ul>
      {sync.parkedOps > sync.parked.length && <p className="muted">{t('sync.parkedMore', { count: sync.parkedOps - sync.parked.length })}</p>}
      <div className="row-actions">
        <button type="button" className="button" disabled={retry.isPending} onClick={() => retry.mutate()}>
          {t('sync.parkedRetry')}
        </button>
        {retry.data && <span role="status">{t('sync.parkedRetried', retry.data)}</span>}
      </div>
      {retry.error && (
        <p className="form-error" role="alert">
          {retry.error.message}
        </p>
      )}
    </section>
  )
}

/** This desk's changes the central server refused (no other desk has them), and sending them again (after an upgrade). */
function RefusedOps({ sync, retry }: { sync: SyncStatus; retry: Retry }) {
  const { t } = useTranslation()
  return (
    <section className="wide" aria-labelledby="sync-refused-title">
      <h3 id="sync-refused-title">{t('sync.refusedTitle')}</h3>
      <p className="muted">{t('sync.refusedIntro')}</p>
      <ul>
        {sync.refused.map((op) => (
          <li key={op.opId}>
            <code>
              {op.entity} {op.entityId}
            </code>
            : {op.reason}
          </li>
        ))}
      </ul>
      {sync.refusedOps > sync.refused.length && <p className="muted">{t('sync.parkedMore', { count: sync.refusedOps - sync.refused.length })}</p>}
      <div className="row-actions">
        <button type="button" className="button" disabled={retry.isPending} onClick={() => retry.mutate()}>
          {t('sync.refusedRetry')}
        </button>
        {retry.data && <span role="status">{t('sync.refusedRetried', { count: retry.data.resent })}</span>}
      </div>
      {retry.error && (
        <p className="form-error" role="alert">
          {retry.error.message}
        </p>
      )}
    </section>
  )
}
