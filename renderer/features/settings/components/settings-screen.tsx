import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { LlmProvider } from '@api-contract'
import { QueryFailureOf } from '@/components/query-failure'
import { desktop } from '@/lib/desktop'
import { useProperties } from '@/queries/properties'
import { useAgentSettings, useChannelAccounts, useLlmProvider, useRemoveLlmProvider, useSaveLlmProvider } from '../api/settings'
import { AgentSettingsSection } from './agent-settings-section'
import { ChannelAccountsSection } from './channel-accounts-section'
import { DeskTimersSection } from './desk-timers-section'
import { DesktopSection } from './desktop-section'
import { OwnPasswordSection } from './own-password-section'
import { PropertySection } from './property-section'
import { ReplyTargetsSection } from './reply-targets-section'
import { TranslationSection } from './translation-section'

/** Admin settings: this computer, the property, other features' sections (`children`), the AI agent, channel accounts, the own password. */
export function SettingsScreen({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  const llm = useLlmProvider()
  // What the sections are made of; a server that is down fails them all, said once.
  const made = [useProperties(), useAgentSettings(), useChannelAccounts(), llm]
  return (
    <main className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <QueryFailureOf queries={made} />
      {desktop && <DesktopSection bridge={desktop} />}
      <PropertySection />
      {children}
      <ReplyTargetsSection />
      <AgentSettingsSection />
      <DeskTimersSection />
      {llm.isSuccess && <LlmForm key={llm.data?.baseUrl ?? 'none'} provider={llm.data} />}
      <TranslationSection />
      <ChannelAccountsSection />
      <OwnPasswordSection />
    </main>
  )
}

function LlmForm({ provider }: { provider: LlmProvider | null }) {
  const { t } = useTranslation()
  const [baseUrl, setBaseUrl] = useState(provider?.baseUrl ?? '')
  const [model, setModel] = useState(provider?.model ?? '')
  const [apiKey, setApiKey] = useState('')
  const save = useSaveLlmProvider()
  const remove = useRemoveLlmProvider()
  function submit(event: FormEvent) {
    event.preventDefault()
    // No key typed: keep the stored one, if any.
    save.mutate({ baseUrl, model, ...(apiKey ? { apiKey } : provider?.hasApiKey ? {} : { apiKey: null }) })
  }
  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="llm-title">
      <h2 id="llm-title">{t('settings.llm')}</h2>
      <p className="muted wide">{t('settings.llmIntro')}</p>
      <label>
        {t('settings.baseUrl')}
        <input required type="url" placeholder="http://127.0.0.1:11434/v1" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
      </label>
      <label>
        {t('settings.model')}
        <input required value={model} onChange={(e) => setModel(e.target.value)} />
      </label>
      <label>
        {t('settings.apiKey')}
        <input
          type="password"
          autoComplete="off"
          value={apiKey}
          placeholder={provider?.hasApiKey ? t('settings.apiKeyKept') : ''}
          onChange={(e) => setApiKey(e.target.value)}
        />
      </label>
      <div className="row-actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {t('settings.save')}
        </button>
        {provider && (
          <button type="button" className="button" onClick={() => remove.mutate()}>
            {t('settings.remove')}
          </button>
        )}
        {save.isSuccess && <span role="status">{t('settings.saved')}</span>}
      </div>
      {(save.error ?? remove.error) && (
        <p className="form-error" role="alert">
          {(save.error ?? remove.error)!.message}
        </p>
      )}
    </form>
  )
}
