import { useTranslation } from 'react-i18next'
import { useNotificationSoundActions, useNotificationSoundOn } from '../stores/notification-sound-store'

/** On or off: a sound for the agent's new notifications (on by default, remembered on this computer). */
export function NotificationSoundToggle({ agentId }: { agentId: string }) {
  const { t } = useTranslation()
  const soundOn = useNotificationSoundOn(agentId)
  const { soundTurnedOff, soundTurnedOn } = useNotificationSoundActions()
  return (
    <label className="notification-sound" title={t('notificationSound.hint')}>
      <input type="checkbox" checked={soundOn} onChange={(event) => (event.target.checked ? soundTurnedOn(agentId) : soundTurnedOff(agentId))} />
      {t('notificationSound.label')}
    </label>
  )
}
