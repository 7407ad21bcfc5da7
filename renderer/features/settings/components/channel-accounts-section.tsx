import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Channel, ChannelAccount } from '@api-contract'
import { useChannelAccounts, useCreateChannelAccount, useUpdateChannelAccount, type NewChannelAccount } from '../api/settings'

const CHANNELS: readonly Channel[] = ['web_chat', 'phone', 'whatsapp', 'facebook', 'instagram', 'sms', 'email', 'guest_app']

/** Admins add channel accounts (the sources conversations come from) and edit them and their webhooks. */
export function ChannelAccountsSection() {
  const { t } = useTranslation()
  const accounts = useChannelAccounts()
  const [adding, setAdding] = useState(false)
  return (
    <section className="card" aria-labelledby="channels-title">
      <h2 id="channels-title">{t('settings.channels')}</h2>
      <p className="muted">{t('settings.channelsIntro')}</p>
      {accounts.isSuccess && accounts.data.length === 0 && <p className="muted">{t('settings.noChannels')}</p>}
      {(accounts.data ?? []).map((account) => (
        <EditChannelAccount key={`${account.id}:${account.name}:${account.code}:${account.channel}:${account.webhookUrl}`} account={account} />
      ))}
      {adding ? (
        <AddChannelAccount onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          {t('settingsAdmin.channelAccount.add')}
        </button>
      )}
    </section>
  )
}

function EditChannelAccount({ account }: { account: ChannelAccount }) {
  const { t } = useTranslation()
  const save = useUpdateChannelAccount(account.id)
  return (
    <ChannelAccountForm
      title={account.name}
      initial={account}
      hasSecret={account.hasWebhookSecret}
      submitLabel={t('settings.save')}
      pending={save.isPending}
      saved={save.isSuccess}
      error={save.error?.message}
      // No secret typed: the stored one stays.
      onSubmit={({ webhookSecret, ...changes }) => save.mutate({ ...changes, ...(webhookSecret ? { webhookSecret } : {}) })}
    />
  )
}

function AddChannelAccount({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  const create = useCreateChannelAccount()
  return (
    <ChannelAccountForm
      title={t('settingsAdmin.channelAccount.newTitle')}
      initial={{ channel: 'web_chat', code: '', name: '', webhookUrl: null }}
      hasSecret={false}
      submitLabel={t('settingsAdmin.channelAccount.create')}
      pending={create.isPending}
      saved={false}
      error={create.error?.message}
      onSubmit={(account) => create.mutate({ ...account, webhookSecret: account.webhookSecret || null }, { onSuccess: onDone })}
      onCancel={onDone}
    />
  )
}

function ChannelAccountForm({
  title,
  initial,
  hasSecret,
  submitLabel,
  pending,
  saved,
  error,
  onSubmit,
  onCancel,
}: {
  title: string
  initial: Pick<ChannelAccount, 'channel' | 'code' | 'name' | 'webhookUrl'>
  hasSecret: boolean
  submitLabel: string
  pending: boolean
  saved: boolean
  error: string | undefined
  onSubmit: (account: NewChannelAccount) => void
  onCancel?: () => void
}) {
  const { t } = useTranslation()
  const titleId = useId()
  const [name, setName] = useState(initial.name)
  const [code, setCode] = useState(initial.code)
  const [channel, setChannel] = useState<Channel>(initial.channel)
  const [url, setUrl] = useState(initial.webhookUrl ?? '')
  const [secret, setSecret] = useState('')
  function submit(event: FormEvent) {
    event.preventDefault()
    onSubmit({ name: name.trim(), code: code.trim(), channel, webhookUrl: url.trim() || null, webhookSecret: secret || null })
  }
  return (
    <form className="form-grid webhook" aria-labelledby={titleId} onSubmit={submit}>
      <h3 className="wide" id={titleId}>
        {title}
      </h3>
      <label>
        {t('settingsAdmin.channelAccount.name')}
        <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('settingsAdmin.channelAccount.code')}
        <input
          required
          maxLength={50}
          pattern="[A-Za-z0-9_.\-]+"
          title={t('settingsAdmin.channelAccount.codeHint')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </label>
      <label>
        {t('settingsAdmin.channelAccount.channel')}
        <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
          {CHANNELS.map((choice) => (
            <option key={choice} value={choice}>
              {t(`channel.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.webhookUrl')}
        <input type="url" maxLength={2000} value={url} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label>
        {t('settings.webhookSecret')}
        <input
          type="password"
          autoComplete="off"
          minLength={16}
          maxLength={200}
          value={secret}
          placeholder={hasSecret ? t('settings.secretKept') : ''}
          onChange={(e) => setSecret(e.target.value)}
        />
      </label>
      <div className="row-actions wide">
        <button type="submit" className="button primary" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('settingsAdmin.cancel')}
          </button>
        )}
        {saved && <span role="status">{t('settings.saved')}</span>}
      </div>
      {error && (
        <p className="form-error wide" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
