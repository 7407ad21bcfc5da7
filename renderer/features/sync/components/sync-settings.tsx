import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useConnectSync, useSyncStatus } from '../api/sync'

/** Settings: connect this desk to the group's central server with the device credential issued there. */
export function SyncSettings() {
  const { t } = useTranslation()
  const status = useSyncStatus()
  const connect = useConnectSync()
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
      <div className="row-actions wide">
        <button type="submit" className="button primary" disabled={connect.isPending}>
          {status.data.configured ? t('sync.reconnect') : t('sync.connect')}
        </button>
        {connect.isSuccess && <span role="status">{t('sync.connected')}</span>}
      </div>
      {connect.error && (
        <p className="wide form-error" role="alert">
          {connect.error.message}
        </p>
      )}
    </form>
  )
}
