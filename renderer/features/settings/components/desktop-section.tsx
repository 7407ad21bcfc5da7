import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DesktopBridge } from '@/api/desktop-bridge'
import { useDesktopInfo, useSetPort, useSetStartAtLogin } from '../api/desktop'

/** Settings of the desktop app on this computer: start at login, the port local systems push to. */
export function DesktopSection({ bridge }: { bridge: DesktopBridge }) {
  const { t } = useTranslation()
  const info = useDesktopInfo(bridge)
  const startAtLogin = useSetStartAtLogin(bridge)
  // The asked-for state, set in the click itself: a controlled box would otherwise flip back until the
  // mutation's pending state reaches React (a tick later) and then until the shell's answer is read again.
  const [startAtLoginAsked, setStartAtLoginAsked] = useState<boolean | null>(null)
  const [port, setPort] = useState('')
  const savePort = useSetPort(bridge)

  if (!info.data) return null
  const startAtLoginShown = startAtLoginAsked ?? info.data.startAtLogin
  const askStartAtLogin = (enabled: boolean) => {
    setStartAtLoginAsked(enabled)
    startAtLogin.mutate(enabled, { onSettled: () => setStartAtLoginAsked(null) })
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    savePort.mutate(Number(port || info.data.configuredPort))
  }
  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="desktop-title">
      <h2 id="desktop-title">{t('settings.desktop')}</h2>
      <p className="muted wide">{t('settings.desktopIntro', { version: info.data.version, url: info.data.apiUrl })}</p>
      {info.data.portProblem && (
        <p className="wide form-error" role="alert">
          {info.data.portProblem}
        </p>
      )}
      <label className="wide checkbox">
        <input type="checkbox" checked={startAtLoginShown} onChange={(event) => askStartAtLogin(event.target.checked)} />
        {t('settings.startAtLogin')}
      </label>
      <label>
        {t('settings.port')}
        <input
          type="number"
          min={1024}
          max={65535}
          placeholder={String(info.data.configuredPort)}
          value={port}
          onChange={(event) => setPort(event.target.value)}
          aria-describedby="port-hint"
        />
      </label>
      <p id="port-hint" className="muted">
        {savePort.isSuccess ? t('settings.portSaved', { port: savePort.data }) : t('settings.portHint')}
      </p>
      {(startAtLogin.error ?? savePort.error) && (
        <p className="wide form-error" role="alert">
          {(startAtLogin.error ?? savePort.error)!.message}
        </p>
      )}
      <p className="muted wide">{t(`settings.updates_${info.data.updates}`)}</p>
      <div className="wide">
        <button type="submit" className="button primary" disabled={savePort.isPending}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  )
}
