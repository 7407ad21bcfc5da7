import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgentSettingsView } from '@api-contract'
import { useAgentSettings, useSaveAgentSettings } from '../api/settings'
import { SaveRow } from '@/components/save-row'

/** When the AI agent's answered conversations resolve themselves, and how often staff are reminded of a waiting guest (blank: never). */
export function DeskTimersSection() {
  const settings = useAgentSettings()
  const save = useSaveAgentSettings()
  if (!settings.isSuccess) return null
  return <DeskTimersForm key={`${settings.data.autoResolveMinutes}-${settings.data.waitingReminderMinutes}`} settings={settings.data} save={save} />
}

const minutesOrNull = (value: string) => (value.trim() === '' ? null : Number(value))

function DeskTimersForm({ settings, save }: { settings: AgentSettingsView; save: ReturnType<typeof useSaveAgentSettings> }) {
  const { t } = useTranslation()
  const [autoResolve, setAutoResolve] = useState(settings.autoResolveMinutes === null ? '' : String(settings.autoResolveMinutes))
  const [reminder, setReminder] = useState(settings.waitingReminderMinutes === null ? '' : String(settings.waitingReminderMinutes))
  function submit(event: FormEvent) {
    event.preventDefault()
    save.mutate({ propertyId: settings.propertyId, autoResolveMinutes: minutesOrNull(autoResolve), waitingReminderMinutes: minutesOrNull(reminder) })
  }
  return (
    <form className="card form-grid" aria-labelledby="desk-timers-title" onSubmit={submit}>
      <h2 id="desk-timers-title" className="wide">
        {t('deskTimers.title')}
      </h2>
      <label>
        {t('deskTimers.autoResolve')}
        <input
          type="number"
          min={1}
          max={43_200}
          step={1}
          value={autoResolve}
          placeholder={t('deskTimers.never')}
          onChange={(e) => setAutoResolve(e.target.value)}
        />
      </label>
      <label>
        {t('deskTimers.reminder')}
        <input type="number" min={1} max={1440} step={1} value={reminder} placeholder={t('deskTimers.never')} onChange={(e) => setReminder(e.target.value)} />
      </label>
      <p className="muted wide">{t('deskTimers.hint')}</p>
      <SaveRow saving={save} label={t('deskTimers.save')} savedLabel={t('deskTimers.saved')} />
    </form>
  )
}
