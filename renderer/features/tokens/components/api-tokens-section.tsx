import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { QueryFailure } from '@/components/query-failure'
import { useFailureShown } from '@/lib/use-failure-shown'
import type { ApiToken, Scope } from '@api-contract'
import { useProperties } from '@/queries/properties'
import { useCreateToken, useRevokeToken, useTokens } from '../api/tokens'

const SCOPES: readonly Scope[] = ['guest.conversation.write', 'guest.conversation.read', 'reservation.write', 'reservation.read', 'admin']

/** Settings → API tokens: what local systems use, when each was last used; revoke one, or make a new one. */
export function ApiTokensSection() {
  const { t, i18n } = useTranslation()
  const tokens = useTokens()
  const tokensFailure = useFailureShown(tokens)
  const properties = useProperties()
  const revoke = useRevokeToken()
  const [confirming, setConfirming] = useState<string | null>(null)
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  const propertyName = (id: string | null) => (id === null ? t('tokens.allProperties') : (properties.data?.find((p) => p.id === id)?.name ?? id))

  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('tokens.title')}</h2>
      <p className="muted">{t('tokens.intro')}</p>
      {tokensFailure && <QueryFailure error={tokensFailure} onRetry={() => tokens.refetch()} retrying={tokens.isFetching} />}
      {tokens.isSuccess && tokens.data.length === 0 && <p className="muted">{t('tokens.none')}</p>}
      {tokens.isSuccess && tokens.data.length > 0 && (
        <table className="agents tokens">
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.scopes')}</th>
              <th scope="col">{t('tokens.property')}</th>
              <th scope="col">{t('tokens.created')}</th>
              <th scope="col">{t('tokens.lastUsed')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('tokens.status')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id} className={token.revokedAt ? 'inactive' : undefined} aria-label={token.name}>
                <td>{token.name}</td>
                <td className="mono scopes">
                  {token.scopes.map((scope) => (
                    <div key={scope}>{scope}</div>
                  ))}
                </td>
                <td>{propertyName(token.propertyId)}</td>
                <td className="nowrap">{when(token.createdAt)}</td>
                <td className="nowrap">{token.lastUsedAt ? when(token.lastUsedAt) : t('tokens.never')}</td>
                <td>
                  <RevokeCell
                    token={token}
                    confirming={confirming === token.id}
                    pending={revoke.isPending && revoke.variables === token.id}
                    revokedAt={token.revokedAt ? when(token.revokedAt) : null}
                    onAsk={() => setConfirming(token.id)}
                    onCancel={() => setConfirming(null)}
                    onConfirm={() => revoke.mutate(token.id, { onSettled: () => setConfirming(null) })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoke.isError && (
        <p className="form-error" role="alert">
          {revoke.error.message}
        </p>
      )}
      <CreateTokenForm />
    </section>
  )
}

function RevokeCell(props: {
  token: ApiToken
  confirming: boolean
  pending: boolean
  revokedAt: string | null
  onAsk: () => void
  onCancel: () => void
  onConfirm: () => void
}) {
  const { t } = useTranslation()
  if (props.revokedAt) return <span className="muted">{t('tokens.revokedAt', { time: props.revokedAt })}</span>
  if (!props.confirming) {
    return (
      <button type="button" className="button" onClick={props.onAsk} aria-label={t('tokens.revokeNamed', { name: props.token.name })}>
        {t('tokens.revoke')}
      </button>
    )
  }
  return (
    <div className="confirm" role="group" aria-label={t('tokens.confirmLabel', { name: props.token.name })}>
      <p>{t('tokens.confirm', { name: props.token.name })}</p>
      <button type="button" className="button danger" disabled={props.pending} onClick={props.onConfirm}>
        {t('tokens.confirmRevoke')}
      </button>
      <button type="button" className="button" onClick={props.onCancel}>
        {t('tokens.cancel')}
      </button>
    </div>
  )
}

function CreateTokenForm() {
  const { t } = useTranslation()
  const create = useCreateToken()
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState<Scope[]>(['guest.conversation.write', 'guest.conversation.read'])
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    setSecret(null)
    create.mutate(
      { name, scopes },
      {
        onSuccess: (created) => {
          setSecret({ name: created.name, token: created.token })
          setName('')
        },
      },
    )
  }

  return (
    <form className="form-grid" onSubmit={submit} aria-labelledby="create-token-title">
      <h3 id="create-token-title" className="wide">
        {t('tokens.create')}
      </h3>
      <label>
        {t('tokens.name')}
        <input required maxLength={100} value={name} placeholder={t('tokens.namePlaceholder')} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </label>
      <fieldset className="wide scope-choices">
        <legend>{t('tokens.scopes')}</legend>
        {SCOPES.map((scope) => (
          <label key={scope} className="checkbox">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) => setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))}
            />
            <span className="mono">{scope}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button primary" disabled={create.isPending || scopes.length === 0}>
        {t('tokens.create')}
      </button>
      {create.isError && (
        <p className="form-error wide" role="alert">
          {create.error.message}
        </p>
      )}
      {secret && (
        <div className="wide" role="status">
          <p>{t('tokens.created_once', { name: secret.name })}</p>
          <input readOnly className="mono" aria-label={t('tokens.secret')} value={secret.token} onFocus={(e) => e.target.select()} />
        </div>
      )}
    </form>
  )
}
