import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { MinPasswordLength } from '@api-contract'
import { browserCountry, browserTimeZone, countryOptions, timeZoneOptions } from '@/lib/countries'
import { useRunSetup } from '../api/setup'

/** The server's policy decides; this only saves a round trip (the type keeps it the contract's length). */
const MIN_PASSWORD: MinPasswordLength = 10

/** First run: name the property (its phone country and time zone) and create the first admin. */
export function SetupScreen() {
  const { t, i18n } = useTranslation()
  const setup = useRunSetup()
  const [form, setForm] = useState(() => ({
    propertyName: '',
    country: browserCountry(),
    timeZone: browserTimeZone(),
    name: '',
    email: '',
    password: '',
    sampleData: true,
  }))
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language])
  const zones = useMemo(() => timeZoneOptions(form.timeZone), [form.timeZone])
  const set = (changes: Partial<typeof form>) => setForm((current) => ({ ...current, ...changes }))

  function submit(event: FormEvent) {
    event.preventDefault()
    setup.mutate({
      property: { name: form.propertyName, defaultCountry: form.country, timeZone: form.timeZone },
      admin: { name: form.name, email: form.email, password: form.password },
      sampleData: form.sampleData,
    })
  }

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="setup-title">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        <fieldset>
          <legend>{t('setup.property')}</legend>
          <label>
            {t('setup.propertyName')}
            <input required maxLength={200} value={form.propertyName} onChange={(e) => set({ propertyName: e.target.value })} />
          </label>
          <label>
            {t('setup.country')}
            <select value={form.country} onChange={(e) => set({ country: e.target.value })} aria-describedby="country-hint">
              {countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          </label>
          <p id="country-hint" className="hint">
            {t('setup.countryHint')}
          </p>
          <label>
            {t('setup.timeZone')}
            <select value={form.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('setup.admin')}</legend>
          <label>
            {t('setup.name')}
            <input required maxLength={200} autoComplete="name" value={form.name} onChange={(e) => set({ name: e.target.value })} />
          </label>
          <label>
            {t('setup.email')}
            <input required type="email" autoComplete="username" value={form.email} onChange={(e) => set({ email: e.target.value })} />
          </label>
          <label>
            {t('setup.password')}
            <input
              required
              type="password"
              minLength={MIN_PASSWORD}
              autoComplete="new-password"
              aria-describedby="password-hint"
              value={form.password}
              onChange={(e) => set({ password: e.target.value })}
            />
          </label>
          <p id="password-hint" className="hint">
            {t('setup.passwordHint', { count: MIN_PASSWORD })}
          </p>
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={form.sampleData} onChange={(e) => set({ sampleData: e.target.checked })} aria-describedby="sample-hint" />
          {t('setup.sampleData')}
        </label>
        <p id="sample-hint" className="hint">
          {t('setup.sampleDataHint')}
        </p>
        {setup.isError && (
          <p className="form-error" role="alert">
            {setup.error.message}
          </p>
        )}
        <button type="submit" className="button primary" disabled={setup.isPending}>
          {setup.isPending ? t('setup.submitting') : t('setup.submit')}
        </button>
      </form>
    </main>
  )
}
