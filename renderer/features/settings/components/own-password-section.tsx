import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { MinPasswordLength } from '@api-contract'
import { useChangeOwnPassword } from '../api/own-password'
import { SaveRow } from '@/components/save-row'

/** The server's policy decides; this only saves a round trip (the type keeps it the contract's length). */
const MIN_PASSWORD: MinPasswordLength = 10

/** The signed-in agent changes their own password, giving the current one. */
export function OwnPasswordSection() {
  const { t } = useTranslation()
  const change = useChangeOwnPassword()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeated, setRepeated] = useState('')
  const mismatch = repeated !== '' && repeated !== next

  function submit(event: FormEvent) {
    event.preventDefault()
    if (mismatch) return
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('')
          setNext('')
          setRepeated('')
        },
      },
    )
  }
  return (
    <form className="card form-grid" aria-labelledby="own-password-title" onSubmit={submit}>
      <h2 className="wide" id="own-password-title">
        {t('settingsAdmin.password.title')}
      </h2>
      <label>
        {t('settingsAdmin.password.current')}
        <input required type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label>
        {t('settingsAdmin.password.new')}
        <input required type="password" autoComplete="new-password" minLength={MIN_PASSWORD} value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      <label>
        {t('settingsAdmin.password.repeat')}
        <input required type="password" autoComplete="new-password" aria-invalid={mismatch} value={repeated} onChange={(e) => setRepeated(e.target.value)} />
      </label>
      {mismatch && <p className="form-error wide">{t('settingsAdmin.password.mismatch')}</p>}
      <SaveRow saving={change} label={t('settingsAdmin.password.save')} savedLabel={t('settingsAdmin.password.changed')} disabled={mismatch} />
    </form>
  )
}
