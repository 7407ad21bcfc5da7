import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelAccount, LlmProvider } from '@api-contract'
import { desktop } from '@/lib/desktop'
import { useChannelAccounts, useLlmProvider, useRemoveLlmProvider, useSaveLlmProvider, useUpdateChannelAccount } from '../api/settings'
import { AgentSettingsSection } from './agent-settings-section'
import { DeskTimersSection } from './desk-timers-section'
import { DesktopSection } from './desktop-section'
import { ReplyTargetsSection } from './reply-targets-section'

/** Admin settings: this computer, other features' sections (`children`), the optional LLM provider, channel webhooks. */
export function SettingsScreen({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  const llm = useLlmProvider()
  const accounts = useChannelAccounts()
  return (
    <main className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {desktop && <DesktopSection bridge={desktop} />}
      {children}
      <ReplyTargetsSection />
      <AgentSettingsSection />
      <DeskTimersSection />
      {llm.isSuccess && <LlmForm key={llm.data?.baseUrl ?? 'none'} provider={llm.data} />}
      <section className="card" aria-labelledby="channels-title">
        <h2 id="channels-title">{t('settings.channels')}</h2>
        <p className="muted">{t('settings.channelsIntro')}</p>
        {accounts.isSuccess && accounts.data.length === 0 && <p className="muted">{t('settings.noChannels')}</p>}
        {(accounts.data ?? []).map((account) => (
          <WebhookForm key={account.id} account={account} />
        ))}
      </section>
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

function WebhookForm({ account }: { account: ChannelAccount }) {
  const { t } = useTranslation()
  const [url, setUrl] = useState(account.webhookUrl ?? '')
  const [secret, setSecret] = useState('')
  const save = useUpdateChannelAccount(account.id)
  return (
    <form
      className="form-grid webhook"
      aria-label={account.name}
      onSubmit={(event) => {
        event.preventDefault()
        save.mutate({ webhookUrl: url || null, ...(secret ? { webhookSecret: secret } : {}) })
      }}
    >
      <h3 className="wide">
        {account.name}{' '}
        <span className="muted">
          ({t(`channel.${account.channel}`)}, {account.code})
        </span>
      </h3>
      <label>
        {t('settings.webhookUrl')}
        <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label>
        {t('settings.webhookSecret')}
        <input
          type="password"
          autoComplete="off"
          minLength={16}
          value={secret}
          placeholder={account.hasWebhookSecret ? t('settings.secretKept') : ''}
          onChange={(e) => setSecret(e.target.value)}
        />
      </label>
      <div className="row-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('settings.save')}
        </button>
        {save.isSuccess && <span role="status">{t('settings.saved')}</span>}
      </div>
      {save.isError && (
        <p className="form-error" role="alert">
          {save.error.message}
        </p>
      )}
    </form>
  )
}
