import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** Deactivate (after a confirmation: the agent is signed out at once) or reactivate an agent. */
export function ActiveToggle({ name, active, onChange }: { name: string; active: boolean; onChange: (active: boolean) => void }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  if (!active) {
    return (
      <button type="button" className="button" onClick={() => onChange(true)}>
        {t('agents.reactivate')}
      </button>
    )
  }
  if (!confirming) {
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        {t('agents.deactivate')}
      </button>
    )
  }
  return (
    <div className="confirm" role="group" aria-label={t('agentDeactivation.label', { name })}>
      <p>{t('agentDeactivation.question', { name })}</p>
      <button
        type="button"
        className="button danger"
        onClick={() => {
          setConfirming(false)
          onChange(false)
        }}
      >
        {t('agentDeactivation.confirm')}
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        {t('agentDeactivation.cancel')}
      </button>
    </div>
  )
}
