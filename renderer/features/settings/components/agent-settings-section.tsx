import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgentSettingsView } from '@api-contract'
import { useAgentSettings, useSaveAgentSettings } from '../api/settings'
import { SaveRow } from '@/components/save-row'

/** How sure the AI agent must be to answer or to suggest, what it tells a guest it hands over, the desk's hours, and an optional embeddings endpoint. */
export function AgentSettingsSection() {
  const settings = useAgentSettings()
  // Here, not in the form: the form starts afresh from what was saved, the outcome stays.
  const save = useSaveAgentSettings()
  if (!settings.isSuccess) return null
  return <AgentSettingsForm key={JSON.stringify(settings.data)} settings={settings.data} save={save} />
}

function AgentSettingsForm({ settings, save }: { settings: AgentSettingsView; save: ReturnType<typeof useSaveAgentSettings> }) {
  const { t } = useTranslation()
  const [high, setHigh] = useState(String(settings.thresholds.high))
  const [medium, setMedium] = useState(String(settings.thresholds.medium))
  const [minGap, setMinGap] = useState(String(settings.thresholds.minGap))
  const [handover, setHandover] = useState(settings.handoverMessages.en ?? '')
  const [allDay, setAllDay] = useState(settings.deskHours === null)
  const [opens, setOpens] = useState(settings.deskHours?.opens ?? '07:00')
  const [closes, setCloses] = useState(settings.deskHours?.closes ?? '23:00')
  const [baseUrl, setBaseUrl] = useState(settings.embeddings?.baseUrl ?? '')
  const [model, setModel] = useState(settings.embeddings?.model ?? '')
  const [apiKey, setApiKey] = useState('')

  function submit(event: FormEvent) {
    event.preventDefault()
    const { en: _english, ...others } = settings.handoverMessages
    save.mutate({
      propertyId: settings.propertyId,
      thresholds: { high: Number(high), medium: Number(medium), minGap: Number(minGap) },
      handoverMessages: handover.trim() ? { ...others, en: handover.trim() } : others,
      deskHours: allDay ? null : { opens, closes },
      embeddings: baseUrl.trim() && model.trim() ? { baseUrl: baseUrl.trim(), model: model.trim(), ...(apiKey ? { apiKey } : {}) } : null,
    })
  }

  const threshold = (label: string, value: string, set: (value: string) => void) => (
    <label>
      {label}
      <input type="number" min={0} max={1} step={0.05} required value={value} onChange={(e) => set(e.target.value)} />
    </label>
  )
  return (
    <form className="card form-grid" aria-labelledby="agent-settings-title" onSubmit={submit}>
      <h2 id="agent-settings-title" className="wide">
        {t('settings.agent.title')}
      </h2>
      <p className="muted wide">{t('settings.agent.intro')}</p>
      {threshold(t('settings.agent.high'), high, setHigh)}
      {threshold(t('settings.agent.medium'), medium, setMedium)}
      {threshold(t('settings.agent.minGap'), minGap, setMinGap)}
      <label className="wide">
        {t('settings.agent.handover')}
        <textarea rows={2} maxLength={1000} value={handover} placeholder={t('settings.agent.handoverDefault')} onChange={(e) => setHandover(e.target.value)} />
      </label>
      <label className="wide">
        <input type="checkbox" checked={allDay} onChange={(e) => setAllDay(e.target.checked)} /> {t('settings.agent.allDay')}
      </label>
      {!allDay && (
        <>
          <label>
            {t('settings.agent.opens')}
            <input type="time" required value={opens} onChange={(e) => setOpens(e.target.value)} />
          </label>
          <label>
            {t('settings.agent.closes')}
            <input type="time" required value={closes} onChange={(e) => setCloses(e.target.value)} />
          </label>
        </>
      )}
      <p className="muted wide">{t('settings.agent.embeddingsIntro')}</p>
      <label>
        {t('settings.agent.embeddingsUrl')}
        <input type="url" value={baseUrl} placeholder="http://192.168.1.20:11434/v1" onChange={(e) => setBaseUrl(e.target.value)} />
      </label>
      <label>
        {t('settings.agent.embeddingsModel')}
        <input value={model} placeholder="nomic-embed-text" onChange={(e) => setModel(e.target.value)} />
      </label>
      <label>
        {t('settings.agent.embeddingsKey')}
        <input
          type="password"
          value={apiKey}
          placeholder={settings.embeddings?.hasApiKey ? t('settings.agent.keyKept') : ''}
          onChange={(e) => setApiKey(e.target.value)}
        />
      </label>
      <SaveRow saving={save} label={t('settings.agent.save')} savedLabel={t('settings.agent.saved')} />
    </form>
  )
}
