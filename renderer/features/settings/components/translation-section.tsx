import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Property, TranslationProviderView } from '@api-contract'
import { useProperties } from '@/queries/properties'
import { useRemoveTranslationProvider, useSaveTranslationProvider, useTranslationProvider } from '../api/translation'

type Kind = 'none' | TranslationProviderView['kind']
const KINDS: readonly Kind[] = ['none', 'libretranslate', 'deepl', 'llm']

/** Per property: the translation provider, or none (guest languages are still told, offline; nothing is sent anywhere). */
export function TranslationSection() {
  const { t } = useTranslation()
  const properties = useProperties().data ?? []
  if (!properties.length) return null
  return (
    <section className="card" aria-labelledby="translation-title">
      <h2 id="translation-title">{t('settings.translation.title')}</h2>
      <p className="muted">{t('settings.translation.intro')}</p>
      {properties.map((property) => (
        <TranslationOfProperty key={property.id} property={property} titled={properties.length > 1} />
      ))}
    </section>
  )
}

function TranslationOfProperty({ property, titled }: { property: Property; titled: boolean }) {
  const provider = useTranslationProvider(property.id)
  if (!provider.isSuccess) return null
  return <TranslationForm property={property} provider={provider.data} titled={titled} />
}

function TranslationForm({ property, provider, titled }: { property: Property; provider: TranslationProviderView | null; titled: boolean }) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<Kind>(provider?.kind ?? 'none')
  const [url, setUrl] = useState(provider?.url ?? '')
  const [apiKey, setApiKey] = useState('')
  const save = useSaveTranslationProvider(property.id)
  const remove = useRemoveTranslationProvider(property.id)
  const keyKept = provider?.kind === kind && provider.hasApiKey
  function submit(event: FormEvent) {
    event.preventDefault()
    if (kind === 'none') {
      if (provider) remove.mutate()
      return
    }
    // No key typed: the stored one stays (for the same provider).
    save.mutate({ kind, ...(kind === 'llm' ? {} : url ? { url } : {}), ...(apiKey ? { apiKey } : {}) })
  }
  const failure = save.error ?? remove.error
  const label = titled ? `${t('settings.translation.title')}: ${property.name}` : t('settings.translation.title')
  return (
    <form className="form-grid" aria-label={label} onSubmit={submit}>
      {titled && <h3 className="wide">{property.name}</h3>}
      <label>
        {t('settings.translation.provider')}
        <select value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          {KINDS.map((choice) => (
            <option key={choice} value={choice}>
              {t(`settings.translation.kinds.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      {(kind === 'libretranslate' || kind === 'deepl') && (
        <>
          <label>
            {t('settings.translation.url')}
            <input
              type="url"
              required={kind === 'libretranslate'}
              placeholder={kind === 'deepl' ? 'https://api-free.deepl.com' : 'http://127.0.0.1:5000'}
              value={url}
              onChange={(event) => setUrl(event.target.value)}
            />
          </label>
          <label>
            {t('settings.apiKey')}
            <input
              type="password"
              autoComplete="off"
              required={kind === 'deepl' && !keyKept}
              placeholder={keyKept ? t('settings.apiKeyKept') : ''}
              value={apiKey}
              onChange={(event) => setApiKey(event.target.value)}
            />
          </label>
        </>
      )}
      {kind === 'llm' && <p className="muted wide">{t('settings.translation.llmHint')}</p>}
      <div className="row-actions wide">
        <button type="submit" className="button primary" disabled={save.isPending || remove.isPending}>
          {t('settings.save')}
        </button>
        {(save.isSuccess || remove.isSuccess) && <span role="status">{t('settings.saved')}</span>}
      </div>
      {failure && (
        <p className="form-error wide" role="alert">
          {failure.message}
        </p>
      )}
    </form>
  )
}
